using System.ComponentModel;

namespace Withings.Portal.Troubleshooting.Api;

[Description("Text to diagnose: a Withings JSON answer, a log excerpt, an exception, a curl command, a raw HTTP request, a URL, a browser console line, or a description.")]
public sealed record DiagnoseRequest(
    [property: Description("The pasted text, at most 1 MiB of UTF-8.")] string? Text);

[Description("Troubleshooter topics that match the text, best first; empty when nothing matches or the text is not about the Withings API.")]
public sealed record DiagnoseResponse(
    [property: Description("Ranked diagnoses, best first.")] IReadOnlyList<DiagnosisItem> Diagnoses,
    [property: Description("Why the list is empty, in plain words; empty when there are diagnoses.")] string Message);

[Description("One matching troubleshooter topic.")]
public sealed record DiagnosisItem(
    [property: Description("Stable topic id (public contract), e.g. invalid-code.")] string Topic,
    [property: Description("Strength of the evidence, 0 to 1.")] double Score,
    [property: Description("Topic title.")] string Title,
    [property: Description("Site-relative URL of the topic page, e.g. /troubleshoot/invalid-code.")] string Url,
    [property: Description("What in the text matched, as readable sentences.")] IReadOnlyList<string> Evidence);
