using System.Globalization;
using Withings.Client;
using Withings.Portal.Content;
using Withings.Portal.Content.Feedback;

namespace Microsoft.Extensions.DependencyInjection;

public static class ErrorsExtensions
{
    /// <summary>The status-code reference: <c>/errors</c> and <c>/errors/{code}</c> for every official code.</summary>
    public static IHostApplicationBuilder AddPortalErrors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new AppRouteSet("status codes",
            route => route == "/errors" || IsStatusCodePage(route),
            () => ["/errors", .. WithingsStatusCodes.All.Select(c => $"/errors/{c.Key}")]));
        builder.Services.AddSingleton(new FeedbackPages("status codes", IsStatusCodePage));
        return builder;
    }

    private static bool IsStatusCodePage(string route) =>
        route.StartsWith("/errors/", StringComparison.Ordinal) &&
        int.TryParse(route["/errors/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var code) &&
        WithingsStatusCodes.IsOfficial(code);
}
