namespace Withings.Portal.Shell;

/// <summary>
/// A page replayed from the output cache carries <c>blazor-enhanced-nav: Allow</c>, and blazor.web.js compares
/// the value case-sensitively, so every cached page fell back to a full page load (dotnet/aspnetcore#55534,
/// still in 10.0). Registered before the output cache so it sees both fresh and replayed responses.
/// </summary>
public sealed class EnhancedNavigationHeaderFix(RequestDelegate next)
{
    private const string Header = "blazor-enhanced-nav";

    public Task InvokeAsync(HttpContext context)
    {
        // Only blazor.web.js reads the header, and only on the requests it makes for enhanced navigation.
        if (!context.Request.Headers.Accept.ToString().Contains(Header, StringComparison.Ordinal))
        {
            return next(context);
        }

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
