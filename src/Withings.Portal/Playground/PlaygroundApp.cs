using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>
/// The partner app a playground flow runs as: the portal's own (from configuration) or one the visitor brought. The
/// secret lives only in server memory, is never rendered and never logged (<see cref="ToString"/> hides it).
/// </summary>
public sealed record PlaygroundApp(string ClientId, string ClientSecret, string RedirectUri, bool BroughtByVisitor)
{
    public WithingsCredentials Credentials => new(ClientId, ClientSecret, RedirectUri);

    public override string ToString() =>
        $"PlaygroundApp {{ ClientId = {ClientId}, ClientSecret = <client_secret>, RedirectUri = {RedirectUri}, BroughtByVisitor = {BroughtByVisitor} }}";
}
