using Microsoft.Net.Http.Headers;

namespace Withings.Portal.Shell;

/// <summary>
/// What a visitor gets when a rate limit refuses a request: a person using a form or a page gets the portal's own page
/// saying what happened and when to try again (the status-code page renders it, so it has the layout and theme); a
/// program calling an API gets problem+json. Both answer 429 with <c>Retry-After</c>.
/// </summary>
public static class TooManyRequests
{
    public const string Title = "Too many requests";

    public const string Detail = "Too many requests from this address; wait a minute and try again.";

    public const int RetryAfterSeconds = 60;

    public static ValueTask RespondAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (WantsAPage(context.Request))
        {
            // An empty 429: the status-code pages middleware re-executes the request to the page that explains it. As a
            // GET: a form's POST re-executed to a page would be refused by Blazor's form handling (no form name).
            context.Request.Method = HttpMethods.Get;
            return ValueTask.CompletedTask;
        }
        return new ValueTask(TypedResults.Problem(detail: Detail, statusCode: StatusCodes.Status429TooManyRequests, title: Title)
            .ExecuteAsync(context));
    }

    /// <summary>A browser navigating or posting a form (it accepts HTML), rather than a script calling an API.</summary>
    public static bool WantsAPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") &&
        request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
