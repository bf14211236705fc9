using System.Diagnostics.CodeAnalysis;

namespace Withings.Client;

/// <summary>
/// What one Withings call gave: the typed body on success or a typed error, and always the raw exchange
/// (secrets replaced by placeholders) so the caller can show exactly what went over the wire.
/// </summary>
public sealed record WithingsResult<T>(T? Body, WithingsError? Error, HttpExchange Exchange)
{
    [MemberNotNullWhen(true, nameof(Body))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null && Body is not null;

    internal static WithingsResult<T> Success(T body, HttpExchange exchange) => new(body, null, exchange);

    internal static WithingsResult<T> Failure(WithingsError error, HttpExchange exchange) => new(default, error, exchange);
}

public enum WithingsErrorKind
{
    /// <summary>Withings answered with a non-zero <c>status</c> in the body (normally with HTTP 200).</summary>
    ApiStatus,

    /// <summary>The HTTP status itself was not a success (a proxy, a maintenance page, an outage).</summary>
    HttpStatus,

    /// <summary>No answer: DNS, connection, TLS or an aborted connection.</summary>
    Network,

    /// <summary>No answer within the configured timeout.</summary>
    Timeout,

    /// <summary>An answer that is not the JSON envelope Withings sends.</summary>
    MalformedResponse,
}

/// <summary>A failed call: the Withings status and its official family when there is one, and the <c>error</c> text.</summary>
public sealed record WithingsError(WithingsErrorKind Kind, int? Status, string Message, string? ErrorText = null)
{
    /// <summary>The official family of <see cref="Status"/> (e.g. "Invalid params" for 503), null for transport errors.</summary>
    public string? Family => Status is { } status ? WithingsStatusCodes.FamilyOf(status) : null;

    /// <summary>The official advice for the family, or advice for the transport problem.</summary>
    public string Advice => Kind switch
    {
        WithingsErrorKind.ApiStatus => WithingsStatusCodes.AdviceForStatus(Status!.Value),
        WithingsErrorKind.Timeout => "Withings did not answer in time: retry later.",
        WithingsErrorKind.Network => "Withings could not be reached: check the host name, DNS, TLS and outbound network.",
        WithingsErrorKind.HttpStatus => "Withings answered with an HTTP error: it may be down or in maintenance; retry later.",
        _ => "The answer was not the JSON Withings sends: retry later, and check the host and the path.",
    };

    /// <summary>The message and the advice as one text, with one full stop between them.</summary>
    public string Explained => $"{Message}{(Message.EndsWith('.') || Message.EndsWith('!') || Message.EndsWith('?') ? "" : ".")} {Advice}";

    internal static WithingsError FromStatus(int status, string? errorText) =>
        new(WithingsErrorKind.ApiStatus, status, $"Status {status} ({WithingsStatusCodes.FamilyOf(status)}){(errorText is null ? "" : $": {errorText}")}", errorText);
}
