using Microsoft.AspNetCore.Components.Endpoints;

namespace Withings.Portal.Shell;

/// <summary>
/// A page only takes form posts. Blazor throws on a POST to a page without a form content type (a scanner, a bot,
/// <c>curl -X POST</c>), which used to end as a 500 with a stack trace in the log, after the request had taken a
/// permit from the page's rate limit. This answers 415 with one line instead, before the rate limiter.
/// </summary>
public sealed class PagePostsNeedAForm(RequestDelegate next)
{
    public const string Message = "This page takes only its own form (application/x-www-form-urlencoded or multipart/form-data).";

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && !context.Request.HasFormContentType &&
            context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            // A body of its own keeps the status-code pages from replacing it with the not-found page.
            return context.Response.WriteAsync(Message, context.RequestAborted);
        }
        return next(context);
    }
}
