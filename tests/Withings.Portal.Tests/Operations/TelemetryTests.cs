using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Operations;

public class TelemetryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NothingIsCollectedUnlessAnEndpointIsConfigured()
    {
        await using var portal = new PortalFactory();
        try
        {
            await portal.CreateClient().GetAsync("/faq", Cancel);

            Assert.Null(portal.Services.GetService<TracerProvider>());
            Assert.Null(portal.Services.GetService<MeterProvider>());
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task WithAnEndpointRequestsAreTracedAndMetricsCollected()
    {
        var exported = new ExportedSpans();
        await using var portal = new TracedPortal(exported) { Settings = { ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:9" } };
        try
        {
            // Activity listeners see every portal in this test process: each request carries its own trace id.
            var page = await GetTracedAsync(portal, "/faq/invalid-code");
            var health = await GetTracedAsync(portal, "/healthz");
            portal.Services.GetRequiredService<TracerProvider>().ForceFlush();
            var spans = exported.Snapshot();

            var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.TraceId == page);
            Assert.Equal("/faq/invalid-code", request.GetTagItem("url.path"));
            Assert.Equal(200, request.GetTagItem("http.response.status_code"));
            Assert.DoesNotContain(spans, s => s.TraceId == health);
            Assert.NotNull(portal.Services.GetService<MeterProvider>());
        }
        finally
        {
            portal.DeleteData();
        }
    }

    private static async Task<ActivityTraceId> GetTracedAsync(PortalFactory portal, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await portal.CreateClient().SendAsync(request, Cancel)).EnsureSuccessStatusCode();
        return trace;
    }

    [Theory]
    [InlineData("OpenTelemetry:OtlpEndpoint", "collector:4317")]
    [InlineData("OpenTelemetry:Protocol", "Carrier pigeon")]
    public void InvalidSettingStopsStartupWithAClearMessage(string key, string value)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:9", [key] = value } });

        Assert.Contains("OpenTelemetry:OtlpEndpoint must be an absolute http(s) URL", error.Message);
    }

    /// <summary>
    /// What the in-memory exporter writes to. The activity listener sees the spans of every portal in the test process,
    /// so tests running beside this one add to it while it is read: adding and reading take a lock.
    /// </summary>
    private sealed class ExportedSpans : ICollection<Activity>
    {
        private readonly List<Activity> spans = [];

        public int Count { get { lock (spans) { return spans.Count; } } }

        public bool IsReadOnly => false;

        public Activity[] Snapshot() { lock (spans) { return [.. spans]; } }

        public void Add(Activity item) { lock (spans) { spans.Add(item); } }

        public void Clear() { lock (spans) { spans.Clear(); } }

        public bool Contains(Activity item) { lock (spans) { return spans.Contains(item); } }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (spans) { spans.CopyTo(array, arrayIndex); } }

        public bool Remove(Activity item) { lock (spans) { return spans.Remove(item); } }

        public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)Snapshot()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class TracedPortal(ExportedSpans spans) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        }
    }
}
