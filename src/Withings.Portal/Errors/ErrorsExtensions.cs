using System.Globalization;
using Withings.Client;
using Withings.Portal.Content;

namespace Microsoft.Extensions.DependencyInjection;

public static class ErrorsExtensions
{
    /// <summary>The status-code reference: <c>/errors</c> and <c>/errors/{code}</c> for every official code.</summary>
    public static IHostApplicationBuilder AddPortalErrors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new AppRouteSet("status codes",
            route => route == "/errors" || (route.StartsWith("/errors/", StringComparison.Ordinal) &&
                int.TryParse(route["/errors/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var code) &&
                WithingsStatusCodes.IsOfficial(code)),
            () => ["/errors", .. WithingsStatusCodes.All.Select(c => $"/errors/{c.Key}")]));
        return builder;
    }
}
