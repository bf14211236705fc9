using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Withings.Portal.Troubleshooting.Api;

[Description("Text to diagnose: a Withings JSON answer, a log excerpt, an exception, a curl command, a raw HTTP request, a URL, a browser console line, or a description.")]
public sealed record DiagnoseRequest(
    [property: Description("The pasted text, at most 1 MiB of UTF-8.")] string? Text);

[Description("What the engine made of the text (outcome) and the troubleshooter topics it points to, best first: diagnoses when the outcome is diagnosed, weaker suggestions (fromSearch) when it is noMatch, none when the text is not about the Withings API.")]
public sealed record DiagnoseResponse(
    [property: Description("What the engine made of the text, for programs to branch on instead of reading message: " +
        "diagnosed (diagnoses lists the topics whose rules match); " +
        "noMatch (the text is about Withings but no rule matches; diagnoses lists weaker suggestions, or nothing); " +
        "otherService (the text is about another service or API; both lists are empty); " +
        "noApiNamed (the text names no API at all; no diagnosis, but nearestIfWithings may list leads). " +
        "Treat a value not listed here as no diagnosis.")] DiagnoseOutcome Outcome,
    [property: Description("Ranked diagnoses, best first.")] IReadOnlyList<DiagnosisItem> Diagnoses,
    [property: Description("For a person: why there is no diagnosis, in plain words; empty when the outcome is diagnosed.")] string Message,
    [property: Description("When the text is turned away for naming no API at all: the topics closest to it (by evidence, then by wording), in case it is a Withings error whose client printed no name (fromSearch, never a diagnosis); otherwise empty.")] IReadOnlyList<DiagnosisItem> NearestIfWithings);

[Description("One matching troubleshooter topic.")]
public sealed record DiagnosisItem(
    [property: Description("Stable topic id (public contract), e.g. invalid-code.")] string Topic,
    [property: Description("Strength of the evidence, 0 to 1.")] double Score,
    [property: Description("Topic title.")] string Title,
    [property: Description("Site-relative URL of the topic page, opened where the text already answers its steps, e.g. /troubleshoot/invalid-code?status=503&endpoint=token.")] string Url,
    [property: Description("The same page as an absolute URL, on the origin this request reached: its Host, the scheme (as a trusted proxy forwards it) " +
        "and the portal's path base, e.g. https://portal.example/troubleshoot/invalid-code?status=503&endpoint=token.")] string AbsoluteUrl,
    [property: Description("What in the text matched, as readable sentences.")] IReadOnlyList<string> Evidence,
    [property: Description("True for a weaker suggestion, never a diagnosis: no rule matched, and the topic either holds part of the text's evidence " +
        "(too little for a diagnosis) or shares telling words with it, weighed by where the topic uses them (its title and error texts most) " +
        "and by how few topics use them. True for every topic in nearestIfWithings and when the outcome is noMatch, false when it is diagnosed. " +
        "The name is kept for compatibility: no site search is involved.")] bool FromSearch,
    [property: Description("Up to three public threads where people hit the same problem, with what fixed it.")] IReadOnlyList<SeenElsewhereItem> SeenElsewhere);

[Description("A public thread where people hit the same problem.")]
public sealed record SeenElsewhereItem(
    [property: Description("The thread's address.")] string Url,
    [property: Description("The thread's title.")] string Title,
    [property: Description("What fixed it there, in one line.")] string FixedBy);

/// <summary>
/// The outcome as the API names it. Not the engine's <c>DiagnosisOutcome</c>: these names are a public contract, kept
/// when the engine's change, and a program needs two cases apart that the engine reports as one (NotWithings).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiagnoseOutcome>))]
public enum DiagnoseOutcome
{
    [JsonStringEnumMemberName("diagnosed")] Diagnosed,
    [JsonStringEnumMemberName("noMatch")] NoMatch,
    [JsonStringEnumMemberName("otherService")] OtherService,
    [JsonStringEnumMemberName("noApiNamed")] NoApiNamed,
}
