using Microsoft.AspNetCore.Components.Endpoints;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>
/// A form post too large to read (beyond <see cref="PasteLimits.MaxFormValueBytes"/> or the server's body limit) fails
/// while Blazor reads the form, before any page code runs. Instead of a server error, the sender is sent back to the
/// page they posted from, where the paste box says what happened (the paste box is the only page form that takes
/// large text).
/// </summary>
public sealed class OversizedPasteRedirect(RequestDelegate next)
{
    /// <summary>Query value the paste box reads to show its "too large to send" message.</summary>
    public const string QueryKey = "paste";
    public const string QueryValue = "too-large";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsOversizedForm(context, ex))
        {
            context.Response.Clear();
            context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}?{QueryKey}={QueryValue}#paste-title");
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
        }
    }

    private static bool IsOversizedForm(HttpContext context, Exception ex) =>
        !context.Response.HasStarted &&
        HttpMethods.IsPost(context.Request.Method) &&
        context.Request.HasFormContentType &&
        // Only pages: a too-large post to an API or a form endpoint keeps its own error answer.
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null &&
        ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
}
