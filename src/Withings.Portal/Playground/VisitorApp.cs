using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>
/// The visitor's own partner app, from the three fields of "Bring your own app" (all three, and a callback URL the
/// dashboard accepts for an app in restricted mode), and whether its code comes back to the portal.
/// </summary>
public static class VisitorApp
{
    public const string Incomplete = "Enter the client id, the secret and the callback URL of your app, or leave all three empty to use the portal's app. " +
                                     "The secret is never shown back: type it again with each post.";

    public static (PlaygroundApp? App, string? Problem) From(string? clientId, string? secret, string? callback)
    {
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret) || string.IsNullOrWhiteSpace(callback))
        {
            return (null, Incomplete);
        }
        var check = CallbackUrlRules.Check(callback, CallbackUrlMode.Restricted);
        return check.IsValid
            ? (new PlaygroundApp(clientId.Trim(), secret.Trim(), check.Url, BroughtByVisitor: true), null)
            : (null, string.Join(" ", check.Problems));
    }

    /// <summary>
    /// Whether the code comes back to this portal's callback page, which exchanges it at once; otherwise it lands on the
    /// visitor's own callback, and they paste it into the playground.
    /// </summary>
    public static bool LandsOnThePortal(PlaygroundApp app, string origin) =>
        !app.BroughtByVisitor
        || string.Equals(app.RedirectUri, PlaygroundSetup.CallbackOn(origin), StringComparison.OrdinalIgnoreCase)
        || string.Equals(app.RedirectUri, origin.TrimEnd('/') + PlaygroundSetup.CallbackPath, StringComparison.OrdinalIgnoreCase);
}
