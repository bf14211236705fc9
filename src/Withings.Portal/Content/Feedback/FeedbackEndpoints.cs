using Microsoft.AspNetCore.Mvc;
using Withings.Portal.Shell;

namespace Withings.Portal.Content.Feedback;

/// <summary>
/// <c>POST /feedback</c>, the "Was this helpful?" form on every content page. A plain form post, so it works
/// without JavaScript and keeps the pages cacheable (no per-visitor antiforgery token in them).
/// </summary>
public static class FeedbackEndpoints
{
    /// <summary>Random visitor id, sent only to <c>/feedback</c>, so it never keeps pages out of the cache.</summary>
    public const string VisitorCookie = "portal-visitor";

    /// <summary>The visitor's answer on one page; scoped to that page's path, so only that page renders personally.</summary>
    public const string AnswerCookie = HelpPageCachePolicy.PersonalCookiePrefix + "feedback";

    public const string RateLimitPolicy = "feedback";

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/feedback", SaveAsync)
            .DisableAntiforgery()
            .AddEndpointFilter<SameOriginFormPost>()
            .RequireRateLimiting(RateLimitPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SaveAsync(
        [FromForm] string? page, [FromForm] string? helpful, [FromForm] string? comment,
        HttpContext context, ContentStore content, IEnumerable<FeedbackPages> otherPages, FeedbackService feedback, CancellationToken cancellationToken)
    {
        if (page is null || (content.Current.FindByRoute(page) is null && !otherPages.Any(pages => pages.Contains(page))))
        {
            return TypedResults.Problem("Feedback can only be given on a page of the portal.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (helpful is not ("yes" or "no"))
        {
            return TypedResults.Problem("Answer with Yes or No.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (comment?.Length > PageFeedback.MaxCommentLength)
        {
            return TypedResults.Problem($"Comments are limited to {PageFeedback.MaxCommentLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var visitorId = AnonymousVisitor.ReadOrCreate(context, VisitorCookie);
        var saved = await feedback.SaveAsync(page, visitorId, helpful == "yes", comment, cancellationToken);

        AnonymousVisitor.Remember(context, VisitorCookie, visitorId, "/feedback");
        AnonymousVisitor.Remember(context, AnswerCookie, saved.Id.ToString("N"), page);
        return TypedResults.Redirect($"{page}#feedback");
    }
}
