namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>
/// The <c>{callback_url}</c> of the notification reproduce: a URL on this portal that answers Withings' HEAD check and a
/// notification POST with 200, as a working callback must. It does nothing else. On a portal served over public https
/// the sandbox's check reaches it; on localhost the sandbox refuses it, exactly as Withings would.
/// </summary>
public static class CallbackProbeEndpoint
{
    public static IEndpointRouteBuilder MapCallbackProbe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(ReproduceRunner.CallbackProbePath, ["HEAD", "GET", "POST"], () => TypedResults.Text("OK"))
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }
}
