using Microsoft.Extensions.Options;

namespace Withings.Sandbox.Wire;

/// <summary>Applies <see cref="SandboxFault"/> to wbsapi calls: from the request header first, else from configuration.</summary>
internal sealed class FaultInjectionFilter(IOptionsMonitor<SandboxOptions> options, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = options.CurrentValue.AllowFaultHeader ? http.Request.Headers[SandboxFault.HeaderName].ToString() : "";
        if (string.IsNullOrWhiteSpace(text))
        {
            text = options.CurrentValue.Fault ?? "";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return await next(context);
        }
        if (!SandboxFault.TryParse(text, out var fault, out var error))
        {
            return Results.Text(error, "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        if (fault.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMilliseconds), time, http.RequestAborted);
        }
        if (fault.Timeout)
        {
            // Hold the connection until the client gives up (or 100 s pass, as a gateway would).
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(100), time, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
            return Results.Text("Gateway Timeout", "text/plain", statusCode: StatusCodes.Status504GatewayTimeout);
        }
        if (fault.Maintenance)
        {
            // Simulated, not captured: what a maintenance window looks like from outside (an HTML page, HTTP 503).
            http.Response.Headers.RetryAfter = "600";
            return Results.Text("<!doctype html><html lang=\"en\"><title>Maintenance</title><h1>Withings is under maintenance</h1>" +
                                "<p>The service will be back shortly.</p></html>", "text/html", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (fault.HttpStatus is { } status)
        {
            return Results.Text(ReasonPhrase(status), "text/plain", statusCode: status);
        }
        if (fault.Malformed)
        {
            return Results.Text("{\"status\":0,\"body\":{\"measuregrps\":[{\"grpid\":48157", "application/json");
        }
        return fault.BodyStatus switch
        {
            522 => WithingsReply.Timeout(),
            2555 => WithingsReply.UnknownError(),
            _ => await next(context),
        };
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Server Error";
}
