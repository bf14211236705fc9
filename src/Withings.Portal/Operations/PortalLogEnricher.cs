using System.Reflection;
using Microsoft.Extensions.Diagnostics.Enrichment;

namespace Withings.Portal.Operations;

/// <summary>Tags every log line with what wrote it (OpenTelemetry's names), so lines from several instances and releases can be told apart.</summary>
internal sealed class PortalLogEnricher(IHostEnvironment environment) : IStaticLogEnricher
{
    private static readonly string Version =
        typeof(PortalLogEnricher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public void Enrich(IEnrichmentTagCollector collector)
    {
        collector.Add("service.name", environment.ApplicationName);
        collector.Add("service.version", Version);
        collector.Add("deployment.environment", environment.EnvironmentName);
        collector.Add("host.name", Environment.MachineName);
    }
}
