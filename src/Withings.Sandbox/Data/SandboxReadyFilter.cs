namespace Withings.Sandbox.Data;

/// <summary>Holds each sandbox request until the sandbox's database is ready (it is prepared while the host starts).</summary>
internal sealed class SandboxReadyFilter(SandboxDatabaseInitializer database) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ready = database.Ready;
        if (!ready.IsCompletedSuccessfully)
        {
            database.StartNow();
            await ready.WaitAsync(context.HttpContext.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!ready.IsCompletedSuccessfully)
            {
                return TypedResults.Problem("The sandbox is not available: its database could not be prepared.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }
        return await next(context);
    }
}
