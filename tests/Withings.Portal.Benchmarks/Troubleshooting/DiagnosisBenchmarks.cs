using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Benchmarks.Troubleshooting;

/// <summary>
/// The diagnosis engine on a typical paste (a Home Assistant log excerpt with a traceback, under 8 KB) and on a
/// 1 MB paste (a long client log with the error at the very end). Targets: p99 under 1 ms and under 50 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class DiagnosisBenchmarks
{
    private DiagnosisEngine engine = null!;
    private RequestLinter linter = null!;
    private string typicalPaste = "";
    private string megabytePaste = "";
    private string adversarialPaste = "";
    private string curl = "";
    private string longCurl = "";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = TopicCatalog.Load(RepositoryPaths.Content);
        engine = new DiagnosisEngine(catalog);
        linter = new RequestLinter(catalog);
        typicalPaste = TypicalPaste();
        megabytePaste = MegabytePaste();
        adversarialPaste = AdversarialPaste();
        curl = "curl -X GET \"https://wbsapi.withings.net/v2/oauth2?action=requesttoken&grant_type=authorization_code&client_id={client_id}&client_secret={client_secret}&code={code}&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb\"";
        longCurl = "curl -X POST https://wbsapi.withings.net/v2/oauth2 " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"-d p{i}=v{i}"));
        if (TopTopic(typicalPaste) != "invalid-code" || TopTopic(megabytePaste) != "rate-limited" || TopTopic(longCurl) != "client-id-missing")
        {
            throw new InvalidOperationException("The benchmark inputs no longer get their diagnosis.");
        }
    }

    internal string Typical => typicalPaste;

    internal string Megabyte => megabytePaste;

    [Benchmark(Description = "Diagnose typical paste (≤ 8 KB)")]
    public DiagnosisReport DiagnoseTypicalPaste() => engine.Diagnose(typicalPaste);

    [Benchmark(Description = "Diagnose 1 MB paste")]
    public DiagnosisReport DiagnoseMegabytePaste() => engine.Diagnose(megabytePaste);

    [Benchmark(Description = "Diagnose 1 MB crafted paste")]
    public DiagnosisReport DiagnoseAdversarialPaste() => engine.Diagnose(adversarialPaste);

    [Benchmark(Description = "Diagnose curl with 10,000 parameters")]
    public DiagnosisReport DiagnoseLongCurl() => engine.Diagnose(longCurl);

    [Benchmark(Description = "Lint a curl command")]
    public LintReport LintCurl() => linter.Lint(curl);

    private string? TopTopic(string text) => engine.Diagnose(text).Diagnoses is [var first, ..] ? first.Topic : null;

    private static string TypicalPaste()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            text.Append("2024-03-12 21:04:").Append(10 + i % 50).Append(".532 DEBUG (MainThread) [homeassistant.components.withings.coordinator] Finished fetching withings data in 0.412 seconds (success: True)\n");
        }
        text.Append("""
            2024-03-12 21:05:01.120 DEBUG (MainThread) [homeassistant.components.http] Serving /auth/external/callback?code=8f2c0a&state=eyJ0
            2024-03-12 21:05:44.903 ERROR (MainThread) [homeassistant.components.withings] Error getting token
            Traceback (most recent call last):
              File "/usr/src/homeassistant/homeassistant/helpers/config_entry_oauth2_flow.py", line 120, in async_resolve_external_data
                return await self._token_request(data)
              File "/usr/src/homeassistant/homeassistant/components/withings/application_credentials.py", line 66, in _token_request
                raise ValueError(response)
            ValueError: {'status': 503, 'body': {}, 'error': 'Invalid Params: invalid code'}
            """);
        return text.ToString();
    }

    private static string MegabytePaste()
    {
        var text = new StringBuilder(DiagnosisLimits.MaxInputBytes);
        var line = "2024-05-02 10:15:03,120 urllib3.connectionpool DEBUG https://wbsapi.withings.net:443 \"POST /measure HTTP/1.1\" 200 1843 {\"status\":0,\"body\":{\"updatetime\":1714550000,\"more\":0}}\n";
        while (text.Length + line.Length < DiagnosisLimits.MaxInputBytes - 200)
        {
            text.Append(line);
        }
        text.Append("""{"status":601,"body":{"wait_seconds":12},"error":"Same arguments in less than 10 seconds"}""");
        return text.ToString();
    }

    /// <summary>Text built to hit every scanner's worst case: endless curl continuations, status words, phrase prefixes, numbers.</summary>
    private static string AdversarialPaste()
    {
        var text = new StringBuilder(DiagnosisLimits.MaxInputBytes);
        var i = 0;
        while (text.Length < DiagnosisLimits.MaxInputBytes - 200)
        {
            text.Append("curl -H x \\\n status ").Append(i++ % 9000).Append(" invalid invalid_ Invalid Params withings http:// \"status\": 601 ");
        }
        return text.ToString();
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
