namespace Withings.Portal.Shell;

/// <summary>
/// A page replayed from the output cache carries <c>blazor-enhanced-nav: Allow</c> (the cache stores header values
/// through a table of common strings, and "allow" comes back as the <c>Allow</c> header's name), and blazor.web.js
/// compares the value case-sensitively, so every cached page fell back to a full page load (dotnet/aspnetcore#55534,
/// still in 10.0). Registered before the output cache so it sees both fresh and replayed responses.
/// </summary>
/// <remarks>
/// It runs on every page request, not only on blazor.web.js's own: a browser's HTTP cache, nginx or a CDN keeps the
/// page a plain navigation fetched and later hands that copy to an enhanced navigation.
/// </remarks>
public sealed class EnhancedNavigationHeaderFix(RequestDelegate next)
{
    private const string Header = "blazor-enhanced-nav";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            if (headers.TryGetValue(Header, out var value) && value.ToString() is var text && !string.Equals(text, text.ToLowerInvariant(), StringComparison.Ordinal))
            {
                headers[Header] = text.ToLowerInvariant();
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
