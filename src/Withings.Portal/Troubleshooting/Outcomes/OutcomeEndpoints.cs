using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Withings.Portal.Shell;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Outcomes;

/// <summary>
/// <c>POST /troubleshoot/{topic}/{step}/outcome</c>: "This fixed it" / "Still broken" under a fix. A plain form post with
/// no antiforgery token (the step pages stay cacheable); cross-site posts are refused by <see cref="SameOriginFormPost"/>.
/// The answer comes back as <c>?outcome=</c> on the step's address, a variant every reader may share, so the thank-you
/// needs no per-visitor page.
/// </summary>
public static partial class OutcomeEndpoints
{
    public const string RateLimitPolicy = "troubleshooter-outcome";
    public const string OutcomeKey = "outcome";
    public const string Fixed = "fixed";
    public const string StillBroken = "broken";

    /// <summary>Random visitor id, sent only to the step's outcome address: it never keeps a page out of the cache.</summary>
    public const string VisitorCookie = "portal-outcome-visitor";

    public static IEndpointRouteBuilder MapOutcomeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/troubleshoot/{topicId}/{stepId}/outcome", SaveAsync)
            .DisableAntiforgery()
            .AddEndpointFilter<SameOriginFormPost>()
            .RequireRateLimiting(RateLimitPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string OutcomeUrl(string topicId, string stepId) => $"/troubleshoot/{topicId}/{stepId}/outcome";

    private static async Task<IResult> SaveAsync(
        string topicId, string stepId, [FromForm] string? outcome, [FromForm] string? path,
        HttpContext context, TopicLibrary topics, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        var topic = topics.Current.Find(topicId);
        if (topic?.FindStep(stepId) is not { IsFix: true })
        {
            return TypedResults.Problem("Outcomes are recorded on the fix steps of troubleshooter topics only.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (outcome is not (Fixed or StillBroken))
        {
            return TypedResults.Problem("Answer with “This fixed it” or “Still broken”.", statusCode: StatusCodes.Status400BadRequest);
        }

        var visitorId = AnonymousVisitor.ReadOrCreate(context, VisitorCookie);
        await outcomes.SaveAsync(topic.Id, stepId, visitorId, outcome == Fixed, cancellationToken);
        AnonymousVisitor.Remember(context, VisitorCookie, visitorId, OutcomeUrl(topic.Id, stepId));
        var keepPath = path is { Length: > 0 and <= 500 } && PathShape().IsMatch(path) ? $"path={path}&" : "";
        return TypedResults.Redirect($"{topic.StepUrl(stepId)}?{keepPath}{OutcomeKey}={outcome}#outcome");
    }

    [GeneratedRegex("^[a-z0-9-]+(,[a-z0-9-]+)*$")]
    private static partial Regex PathShape();
}
