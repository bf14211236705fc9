using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Withings.Portal.Shell;

/// <summary>
/// A person whose form token no longer matches (the browser was restarted with the tab restored, cookies were
/// cleared, the page was open across a key change) used to get an empty 400, which browsers show as their own error
/// screen. Such a post is sent back, with a 303, to the page the form was on, which then has a fresh token and says
/// why nothing was done (<see cref="QueryKey"/>, shown by the layout's <c>ExpiredFormNotice</c>).
/// Nothing the form asked for happens: the redirect is a plain GET of a page, so a forged post gains nothing either.
/// Programs (no <c>text/html</c> in <c>Accept</c>) keep the endpoints' own 400 answer.
/// </summary>
public sealed class ExpiredFormToken(RequestDelegate next)
{
    public const string QueryKey = "form-expired";

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) &&
            context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } &&
            context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            // A post to an address with no page is re-executed as the not-found page, whose token check fails too:
            // the browser is sent to the address it asked for, as a GET, and gets the not-found page there.
            context.Response.Headers.Location = context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted
                ? LocalUrl.OrHome($"{reExecuted.OriginalPathBase}{reExecuted.OriginalPath}")
                : WithNotice(FormPage(context));
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static string WithNotice(string pathAndQuery)
    {
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        var kept = queryStart < 0 ? [] : QueryHelpers.ParseQuery(pathAndQuery[queryStart..])
            .Where(pair => pair.Key != QueryKey)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return path + QueryString.Create([.. kept, new(QueryKey, "1")]);
    }

    /// <summary>
    /// A page's own form posts to the page; the support endpoints' forms post elsewhere (<c>/support/links</c>), so
    /// the page they came from is the referrer, when it is on this site.
    /// </summary>
    private static string FormPage(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return $"{request.PathBase}{request.Path}{RequestUrl.WithoutSecrets(request.Query)}";
        }
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer) &&
            string.Equals(referrer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return LocalUrl.OrHome(referrer.PathAndQuery);
        }
        return "/";
    }
}
