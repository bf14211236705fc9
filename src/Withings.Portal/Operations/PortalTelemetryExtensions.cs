using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Withings.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalTelemetryExtensions
{
    /// <summary>
    /// Traces and metrics through OpenTelemetry, exported over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> is set
    /// (<see cref="TelemetryOptions"/>); with no endpoint nothing is registered and nothing is collected.
    /// </summary>
    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.AreValid(), "OpenTelemetry:OtlpEndpoint must be an absolute http(s) URL (e.g. http://localhost:4317) " +
                "and OpenTelemetry:Protocol Grpc or HttpProtobuf.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        if (!options.Enabled || !options.AreValid())
        {
            return builder;
        }

        var protocol = options.Protocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName)
                .AddAttributes([new("deployment.environment", builder.Environment.EnvironmentName)]))
            .WithTracing(tracing => tracing
                // The health probes would be most of the traces and say nothing.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (ExporterEndpoint(options, "traces"), protocol)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (ExporterEndpoint(options, "metrics"), protocol)));
        return builder;
    }

    // OTLP over HTTP has one path per signal; gRPC has one endpoint for all.
    private static Uri ExporterEndpoint(TelemetryOptions options, string signal) =>
        options.Protocol == "HttpProtobuf" ? new Uri(options.Endpoint, $"v1/{signal}") : options.Endpoint;
}
