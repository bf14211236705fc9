using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Withings.Portal.Shell;

/// <summary>
/// A page, and a form endpoint of its own (<c>/feedback</c>, <c>/theme</c>, a troubleshooter outcome), only take form
/// posts. A POST without a form content type (a scanner, a bot, <c>curl -X POST</c>) makes Blazor's form handling or a
/// minimal API's <c>[FromForm]</c> binding throw, which used to end as a 500 with a stack trace in the log at Error, after
/// the request had taken a permit from the rate limit. This answers 415 with one line instead, before the rate limiter.
/// </summary>
public sealed class PagePostsNeedAForm(RequestDelegate next)
{
    public const string Message = "This address takes only its own form (application/x-www-form-urlencoded or multipart/form-data).";

    private static readonly string[] FormContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && !context.Request.HasFormContentType &&
            context.GetEndpoint() is { } endpoint && TakesOnlyForms(endpoint))
        {
            if (IsReExecuted(context) && context.Response.StatusCode != StatusCodes.Status415UnsupportedMediaType)
            {
                // The status-code or error page, rendering for another request that keeps its method: that POST was not
                // sent to this page, so "takes only its own form" would be false (an empty 400 to a JSON POST got it,
                // telling the client to send a form). The page renders as for a GET, keeping the first answer's status:
                // as a POST, Blazor would take it for a form submission and refuse it with an empty 400.
                context.Request.Method = HttpMethods.Get;
                return next(context);
            }
            // A page, or routing's own 415 for a form endpoint posted something else (re-executed here).
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            // A body of its own keeps the status-code pages from replacing it with the not-found page.
            return context.Response.WriteAsync(Message, context.RequestAborted);
        }
        return next(context);
    }

    private static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>
    /// A Razor page, or a minimal-API handler with <c>[FromForm]</c> parameters: the request delegate factory declares the
    /// form content types it reads as <see cref="IAcceptsMetadata"/> (routing does not refuse a POST without any content type).
    /// </summary>
    private static bool TakesOnlyForms(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ||
        endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(accepts =>
            accepts.ContentTypes.Count > 0 && accepts.ContentTypes.All(type => FormContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase)));
}
