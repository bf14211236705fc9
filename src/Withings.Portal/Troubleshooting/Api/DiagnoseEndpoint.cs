using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Paste;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;
using TopicDiagnosis = Withings.Portal.Troubleshooting.Diagnosis.Diagnosis;

namespace Withings.Portal.Troubleshooting.Api;

/// <summary><c>POST /api/diagnose</c>: the diagnosis engine as JSON, for support tools and chat bots.</summary>
public static class DiagnoseEndpoint
{
    public const string Route = "/api/diagnose";

    // JSON escaping can make a 1 MiB text several times longer on the wire; beyond this the body is not read at all.
    private const long MaxBodyBytes = 8L * DiagnosisLimits.MaxInputBytes;

    public static RouteHandlerBuilder MapDiagnoseEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, Diagnose)
            .WithName("Diagnose")
            .WithTags("Troubleshooter")
            .WithSummary("Diagnose a pasted Withings API error")
            .WithDescription("Extracts the evidence in the text (status codes, error strings, hosts, paths, parameters, timings) " +
                "and returns the troubleshooter topics it points to, best first. Text that is not about the Withings API gets an empty list.")
            // Described here rather than with Accepts<T>(), which would make routing answer a bare 415 before the
            // handler can explain the problem.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The text to diagnose.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(DiagnoseRequest), null, cancellationToken) },
                    },
                })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(DiagnoseApiOptions.RateLimitPolicy)
            .DisableAntiforgery();

    private static async Task<Results<Ok<DiagnoseResponse>, ProblemHttpResult>> Diagnose(
        HttpContext context, DiagnosisEngine engine, TopicLibrary topics, UnmatchedPasteLog unmatched, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }
        if (!context.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON", "Send Content-Type: application/json with {\"text\": \"...\"}.");
        }

        DiagnoseRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<DiagnoseRequest>(context.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON", "Send {\"text\": \"...\"} with the text as a JSON string.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        var report = engine.Diagnose(request?.Text);
        if (report.Outcome is DiagnosisOutcome.NoMatch or DiagnosisOutcome.NotWithings)
        {
            await unmatched.RecordAsync(request!.Text!, UnmatchedPaste.FromApi, cancellationToken);
        }
        return report.Outcome switch
        {
            DiagnosisOutcome.Empty => Problem(StatusCodes.Status400BadRequest, "The text is missing",
                "Send {\"text\": \"...\"} with the error, log excerpt, request or description to diagnose."),
            DiagnosisOutcome.TooLarge => TooLarge(),
            _ => TypedResults.Ok(new DiagnoseResponse(
                Items(report.Diagnoses, report, topics.Current), report.Message, Items(report.NearestIfWithings, report, topics.Current))),
        };
    }

    /// <summary>Each link opens its topic where the text already answers the steps, as the paste box's links do.</summary>
    private static List<DiagnosisItem> Items(IReadOnlyList<TopicDiagnosis> diagnoses, DiagnosisReport report, TopicCatalog catalog) => diagnoses
        .Select(d => new DiagnosisItem(d.Topic, d.Score, d.Title, TopicLinks.WithPrefill(catalog.Get(d.Topic), report.Prefill), d.Evidence, d.FromSearch,
            d.Threads.Select(t => new SeenElsewhereItem(t.Url, t.Title, t.FixedBy)).ToList()))
        .ToList();

    private static ProblemHttpResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "The text is too large",
        $"The text may hold at most {DiagnosisLimits.MaxInputBytes / 1024} KB of UTF-8. Paste only the error and the lines around it.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
