using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging.Console;
using Withings.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalLoggingExtensions
{
    /// <summary>
    /// Structured logs: every log call is a template with named values, written as JSON lines outside Development
    /// (readable text in Development), enriched with the application, environment and build, and with every value
    /// classified as a secret (<see cref="SecretData"/>) erased before any logger provider sees it.
    /// </summary>
    /// <remarks>
    /// Query strings carry codes, tokens and pasted errors (a callback's <c>?code=</c>, a live check's request), and
    /// ASP.NET Core's own "Request starting/finished" lines write the whole URL. Those lines are held at Warning in
    /// code, so that turning <c>Microsoft.AspNetCore</c> up in configuration cannot bring them back; the access log is
    /// the HTTP logging middleware's instead: method, path, status and duration, never the query or a header
    /// (category <c>Microsoft.AspNetCore.HttpLogging</c>, off unless configured to Information).
    /// </remarks>
    public static IHostApplicationBuilder AddPortalLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        builder.Logging.EnableEnrichment();
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(SecretData.All);
            // A classification nobody registered is erased too rather than written.
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        builder.Services.AddStaticLogEnricher<PortalLogEnricher>();
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Json);
        }
        return builder;
    }

    /// <summary>The access log (see <see cref="AddPortalLogging"/>): first, so that it times and sees every request.</summary>
    public static WebApplication UsePortalLogging(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
