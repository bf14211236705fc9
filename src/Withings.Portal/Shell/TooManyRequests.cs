using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;

namespace Withings.Portal.Shell;

/// <summary>
/// What a visitor gets when a rate limit refuses a request: a person using a form or a page gets the portal's own page
/// saying what happened and when to try again (the status-code page renders it, so it has the layout and theme); a
/// program calling an API gets problem+json. Both answer 429 with <c>Retry-After</c> taken from the limit that refused
/// them: a client that honours it is not refused again for the same window (a fixed "60" sent an hourly limit's clients
/// back 59 times).
/// </summary>
public static class TooManyRequests
{
    public const string Title = "Too many requests";

    /// <summary>
    /// The problem <c>type</c>, the section that defines 429, as the framework's own problem answers name the RFC 9110
    /// section of theirs (which has none for 429).
    /// </summary>
    public const string ProblemType = "https://tools.ietf.org/html/rfc6585#section-4";

    /// <summary>When a limiter says nothing of when it lets the client in again: a minute, the portal's shortest window.</summary>
    public static readonly TimeSpan UnknownRetryAfter = TimeSpan.FromMinutes(1);

    public static ValueTask RespondAsync(HttpContext context, RateLimitLease lease)
    {
        var seconds = RetryAfterSeconds(lease);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (WantsAPage(context))
        {
            // An empty 429: the status-code pages middleware re-executes the request to the page that explains it (it reads
            // the wait from Retry-After). As a GET: a form's POST re-executed to a page would be refused by Blazor's form
            // handling (no form name).
            context.Request.Method = HttpMethods.Get;
            return ValueTask.CompletedTask;
        }
        return new ValueTask(TypedResults.Problem(detail: Detail(seconds), statusCode: StatusCodes.Status429TooManyRequests,
            title: Title, type: ProblemType).ExecuteAsync(context));
    }

    /// <summary>
    /// Whole seconds until the limiter lets the client in again, rounded up. A fixed-window limiter gives its window (a
    /// whole window when the refusal needs one): longer than what is left of the current one, never shorter.
    /// </summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        (int)Math.Max(1, Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : UnknownRetryAfter).TotalSeconds));

    /// <summary>The problem's detail: who was refused and when to come back.</summary>
    public static string Detail(int retryAfterSeconds) =>
        $"Too many requests from this address; try again in {Wait(retryAfterSeconds)}.";

    /// <summary>A wait in words, exact: "1 hour", "10 minutes", "90 seconds".</summary>
    public static string Wait(int seconds) => seconds switch
    {
        >= 3600 when seconds % 3600 == 0 => Count(seconds / 3600, "hour"),
        >= 60 when seconds % 60 == 0 => Count(seconds / 60, "minute"),
        _ => Count(seconds, "second"),
    };

    /// <summary>
    /// A browser navigating or posting a form (it accepts HTML), rather than a script calling an API. An endpoint that
    /// keeps the status-code pages out of its answers (the sandbox's) gets problem+json too: an empty 429 would go out as it is.
    /// </summary>
    public static bool WantsAPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") &&
        context.GetEndpoint()?.Metadata.GetMetadata<ISkipStatusCodePagesMetadata>() is null &&
        context.Request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Count(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
