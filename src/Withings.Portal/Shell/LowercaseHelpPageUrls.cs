using Microsoft.AspNetCore.OutputCaching;

namespace Withings.Portal.Shell;

/// <summary>
/// Sends a help page asked for with capitals (<c>/glossary/USERID</c>, <c>/Errors/601</c>) to its one lowercase
/// address with a 301: help page addresses are lowercase (slugs, topic and step ids must be).
/// </summary>
/// <remarks>
/// Why a redirect, and why before the output cache: the cache matches paths without regard to case, the pages look
/// their slug up exactly, so <c>/glossary/USERID</c> was a 404 until someone read <c>/glossary/userid</c> and a 200 from
/// the cache after that. Answering every differently-cased address the same way, before the cache is asked, makes the
/// answer independent of what was read before; a redirect rather than serving the page under both addresses keeps one
/// address per page for links, search engines and caches. The 301 is not stored (only a 200 is).
/// </remarks>
public sealed class LowercaseHelpPageUrls(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
            request.Path.Value is { } path && HasCapital(path) && IsHelpPage(context))
        {
            var lowercase = new PathString(path.ToLowerInvariant());
            context.Response.Redirect(request.PathBase.Add(lowercase).ToUriComponent() + request.QueryString.ToUriComponent(), permanent: true);
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool HasCapital(string path)
    {
        foreach (var c in path)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHelpPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: HelpPageCachePolicy.Name };
}
