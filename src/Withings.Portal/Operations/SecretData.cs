using Microsoft.Extensions.Compliance.Classification;

namespace Withings.Portal.Operations;

/// <summary>
/// The kinds of data that must never reach a log in clear: whatever lets someone act as a partner app or a user
/// (client secrets, access and refresh tokens, authorization codes, request signatures, passwords). Log parameters
/// that may carry one are marked <see cref="SecretAttribute"/>; the redactor registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.PortalLoggingExtensions.AddPortalLogging"/> erases them.
/// </summary>
public static class SecretData
{
    public const string TaxonomyName = "Withings.Portal";

    public static DataClassification ClientSecret { get; } = new(TaxonomyName, nameof(ClientSecret));
    public static DataClassification Token { get; } = new(TaxonomyName, nameof(Token));
    public static DataClassification AuthorizationCode { get; } = new(TaxonomyName, nameof(AuthorizationCode));
    public static DataClassification Signature { get; } = new(TaxonomyName, nameof(Signature));
    public static DataClassification Password { get; } = new(TaxonomyName, nameof(Password));

    /// <summary>Text a visitor typed or pasted: it may hold any of the above, so it is treated as one of them.</summary>
    public static DataClassification VisitorText { get; } = new(TaxonomyName, nameof(VisitorText));

    public static IReadOnlyList<DataClassification> Kinds { get; } =
        [ClientSecret, Token, AuthorizationCode, Signature, Password, VisitorText, new(TaxonomyName, "Secret")];

    public static DataClassificationSet All { get; } = new(Kinds);
}

/// <summary>Marks a log parameter (or property) that may hold a secret: it is erased before any logger sees it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretAttribute() : DataClassificationAttribute(new DataClassification(SecretData.TaxonomyName, "Secret"));


/// <summary>Marks a log parameter holding text a visitor typed or pasted (see <see cref="SecretData.VisitorText"/>).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class VisitorTextAttribute() : DataClassificationAttribute(SecretData.VisitorText);
