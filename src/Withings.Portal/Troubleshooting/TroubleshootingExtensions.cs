using System.Text.Json.Serialization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Withings.Portal.Content;
using Withings.Portal.Operations;
using Withings.Portal.Shell;
using Withings.Portal.Troubleshooting.Api;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Outcomes;
using Withings.Portal.Troubleshooting.Paste;
using Withings.Portal.Troubleshooting.Reproduce;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;
using Withings.Portal.WithingsApi;

namespace Microsoft.Extensions.DependencyInjection;

public static class TroubleshootingExtensions
{
    /// <summary>
    /// The error troubleshooter: topics (built from <c>content/troubleshoot/</c> by the content store), the diagnosis
    /// engine and its API, the request linter, step pages with their live checks and outcomes, "Reproduce it" against
    /// the sandbox, and case links.
    /// </summary>
    public static IHostApplicationBuilder AddTroubleshooting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Topics and what is built on them; each follows the library when the content is edited.
        services.AddSingleton<TopicLibrary>();
        // Built (and validated) at start-up, while the database is migrated: broken topics stop the start instead of
        // the first diagnosis.
        services.PreloadAtStartup<TopicLibrary>();
        services.AddSingleton(sp => new DiagnosisEngine(sp.GetRequiredService<TopicLibrary>()));
        services.AddFirstAnswer();
        services.AddSingleton<DiagnosisWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<DiagnosisWarmUp>());
        services.AddSingleton(sp => new RequestLinter(sp.GetRequiredService<TopicLibrary>()));
        services.AddSingleton(AppRouteSet.Fixed("troubleshooter index", "/troubleshoot"));
        // Diagnoses that found nothing: the fact, the time and the redacted length, for the support dashboard.
        services.AddSingleton<UnmatchedPasteLog>();
        services.AddSingleton<StepMarkdown>();

        // POST /api/diagnose
        services.AddOptions<DiagnoseApiOptions>().BindConfiguration(DiagnoseApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOpenApi(openApi => openApi.AddSchemaTransformer<StringEnumSchemas>());
        // The OpenAPI document types each number as the minimal-API serializer would read it. Its Web defaults also read
        // numbers from strings, which made every number ["number", "string"] with a pattern: a contract no client should
        // code against. No endpoint binds numbers from a JSON body (POST /api/diagnose parses its own), so nothing that
        // was read is refused now; answers are written as before.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);

        // Outcomes ("This fixed it" / "Still broken") and "Reproduce it"
        services.AddSingleton<OutcomeService>();
        services.AddOptions<ReproduceOptions>().BindConfiguration(ReproduceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReproduceRunner>();
        // No logging handlers: the calls carry secrets in their URLs and bodies (they are shown only redacted).
        // No retry handler either: a token call must never be sent twice (a code works once, a refresh token rotates).
        services.AddHttpClient(ReproduceRunner.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ReproduceOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OwnServerLoopback>().CreateHandler())
            .RemoveAllLoggers();

        // Case links: redacted on save, expiring, purged in the background, limited per client address.
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseCreationLimiter>();
        services.AddHostedService<ExpiredCasePurger>();
        // The paste box posts its whole text as one form value (see PasteLimits); its Diagnose is limited per client address.
        services.AddOptions<PasteDiagnosisOptions>().BindConfiguration(PasteDiagnosisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasteDiagnosisLimiter>();
        services.Configure<FormOptions>(form => form.ValueLengthLimit = PasteLimits.MaxFormValueBytes);

        services.Configure<RateLimiterOptions>(limiter => limiter
            .AddPerClientAddress(DiagnoseApiOptions.RateLimitPolicy, sp =>
            {
                var api = sp.GetRequiredService<IOptions<DiagnoseApiOptions>>().Value;
                return (api.PermitLimit, TimeSpan.FromSeconds(api.WindowSeconds));
            })
            .AddPerClientAddress(OutcomeEndpoints.RateLimitPolicy, permitsPerMinute: 20)
            .AddPerClientAddress(ReproduceOptions.RateLimitPolicy, sp =>
                (sp.GetRequiredService<IOptions<ReproduceOptions>>().Value.PermitsPerMinute, TimeSpan.FromMinutes(1))));
        return builder;
    }

    /// <summary>The paste form's size guard, <c>POST /api/diagnose</c> and its OpenAPI document, the outcome form's endpoint and the reproduce callback probe.</summary>
    public static WebApplication MapTroubleshooting(this WebApplication app)
    {
        // Middleware, not an endpoint: it wraps the page endpoints that read the paste form (they run after all Use calls).
        app.UseMiddleware<OversizedPasteRedirect>();
        app.MapDiagnoseEndpoint();
        app.MapOpenApi();
        app.MapOutcomeEndpoints();
        app.MapCallbackProbe();
        return app;
    }
}
