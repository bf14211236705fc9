using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Withings.Portal.Shell;
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
                "and returns the troubleshooter topics it points to, best first. Text that is not about the Withings API gets an empty list; " +
                "outcome says why. Every refusal is problem+json: those of this operation are listed below; another method on this path " +
                $"gets 405 with Allow: POST, and an address under {ApiStatusCodeAnswers.PathPrefix}/ that does not exist gets 404.")
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                // Described here rather than with Accepts<T>(), which would make routing answer a bare 415 before the
                // handler can explain the problem.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The text to diagnose.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(DiagnoseRequest), null, cancellationToken) },
                    },
                };
                DescribeRefusals(operation);
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

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await ReadAtMostAsync(context.Request.Body, MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        if (body is not { } json)
        {
            return TooLarge();
        }
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            // A byte-order mark, as some editors and shells write: the stream serializer used to skip it.
            json = json[3..];
        }
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is empty", "Send {\"text\": \"...\"} with the text to diagnose as a JSON string.");
        }

        DiagnoseRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DiagnoseRequest>(json.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return WhyNotARequest(json);
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
            _ => Answer(report, topics.Current, context.Request),
        };
    }

    private static Ok<DiagnoseResponse> Answer(DiagnosisReport report, TopicCatalog catalog, HttpRequest request)
    {
        // As the sitemap builds its addresses: a caller behind a proxy (a chat bot) can hand the link on without being
        // told the portal's address; UseForwardedHeaders has already put the scheme a trusted proxy forwarded here.
        var origin = RequestUrl.Origin(request);
        return TypedResults.Ok(new DiagnoseResponse(OutcomeOf(report),
            Items(report.Diagnoses, report, catalog, origin), report.Message, Items(report.NearestIfWithings, report, catalog, origin)));
    }

    /// <summary>
    /// When each refusal comes, in place of the bare reason phrase, and the 429's <c>Retry-After</c>
    /// (<see cref="TooManyRequests"/> always sends it), so that a generated client can wait as long as it says.
    /// </summary>
    private static void DescribeRefusals(OpenApiOperation operation)
    {
        var descriptions = new Dictionary<int, string>
        {
            [StatusCodes.Status400BadRequest] = "The body is empty or not valid JSON, is not an object, or its text is missing, blank or not a JSON string; " +
                "the problem's title and detail say which.",
            [StatusCodes.Status413PayloadTooLarge] = $"The text is over {DiagnosisLimits.MaxInputBytes / 1024} KB of UTF-8 " +
                $"(or the body over {MaxBodyBytes / (1024 * 1024)} MiB, which is not read).",
            [StatusCodes.Status415UnsupportedMediaType] = "The body is not declared as JSON: send Content-Type: application/json.",
            [StatusCodes.Status429TooManyRequests] = "This client address has used up its calls for the rate-limit window; " +
                "Retry-After says how long to wait.",
        };
        foreach (var (status, description) in descriptions)
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) is not OpenApiResponse response)
            {
                continue;
            }
            response.Description = description;
            if (status == StatusCodes.Status429TooManyRequests)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
                {
                    Description = "Whole seconds until this address may call again (at least 1).",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                };
            }
        }
    }

    private static DiagnoseOutcome OutcomeOf(DiagnosisReport report) => report.Outcome switch
    {
        DiagnosisOutcome.Diagnosed => DiagnoseOutcome.Diagnosed,
        DiagnosisOutcome.NoMatch => DiagnoseOutcome.NoMatch,
        // The engine turns a text away either because it names another service (whatever else it says) or because it
        // names no API at all; only the second may come with leads. Its signals tell which.
        DiagnosisOutcome.NotWithings when report.Signals is { PointsElsewhere: true } => DiagnoseOutcome.OtherService,
        DiagnosisOutcome.NotWithings => DiagnoseOutcome.NoApiNamed,
        _ => throw new UnreachableException($"A {report.Outcome} report is answered as a problem, not diagnosed."),
    };

    /// <summary>Each link opens its topic where the text already answers the steps, as the paste box's links do.</summary>
    private static List<DiagnosisItem> Items(IReadOnlyList<TopicDiagnosis> diagnoses, DiagnosisReport report, TopicCatalog catalog, string origin) => diagnoses
        .Select(d => (Diagnosis: d, Url: TopicLinks.WithPrefill(catalog.Get(d.Topic), report.Prefill)))
        .Select(d => new DiagnosisItem(d.Diagnosis.Topic, d.Diagnosis.Score, d.Diagnosis.Title, d.Url, origin + d.Url, d.Diagnosis.Evidence,
            d.Diagnosis.FromSearch, d.Diagnosis.Threads.Select(t => new SeenElsewhereItem(t.Url, t.Title, t.FixedBy)).ToList()))
        .ToList();

    /// <summary>
    /// The body whole, or null when it is longer than <paramref name="maxBytes"/>. Read first, so that a body the
    /// serializer refuses can be looked at again to say what is wrong with it.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// What is wrong with a body that is not <c>{"text": "..."}</c>, so that a program is told what to change: it is not
    /// JSON at all, or JSON of another shape, or its <c>text</c> is not a string (<c>{"text": 503}</c> is valid JSON).
    /// </summary>
    private static ProblemHttpResult WhyNotARequest(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON", "Send {\"text\": \"...\"} with the text as a JSON string.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object",
                    $"The body is a JSON {Kind(root.ValueKind)}; send an object with the text as a JSON string: {{\"text\": \"...\"}}.");
            }
            // The serializer matches names without case (JsonSerializerOptions.Web), so "Text" is the same member.
            var wrongKind = root.EnumerateObject().Where(p => p.Name.Equals("text", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value.ValueKind).FirstOrDefault(kind => kind is not (JsonValueKind.String or JsonValueKind.Null));
            return wrongKind == JsonValueKind.Undefined
                ? Problem(StatusCodes.Status400BadRequest, "The body is not a diagnose request", "Send {\"text\": \"...\"} with the text as a JSON string.")
                : Problem(StatusCodes.Status400BadRequest, "`text` must be a JSON string",
                    $"`text` is a JSON {Kind(wrongKind)}; send the text to diagnose in quotes: {{\"text\": \"...\"}}.");
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static ProblemHttpResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "The text is too large",
        $"The text may hold at most {DiagnosisLimits.MaxInputBytes / 1024} KB of UTF-8. Paste only the error and the lines around it.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
