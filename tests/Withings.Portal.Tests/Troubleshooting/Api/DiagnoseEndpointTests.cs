using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Api;

public class DiagnoseEndpointTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvalidCodeBodyPutsInvalidCodeFirst()
    {
        var text = """{"status":503,"body":{},"error":"Invalid Params: invalid code"}""";

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var first = json.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("invalid-code", first.GetProperty("topic").GetString());
        Assert.StartsWith("/troubleshoot/invalid-code", first.GetProperty("url").GetString());
        Assert.InRange(first.GetProperty("score").GetDouble(), 0.5, 1.0);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
        Assert.Contains(first.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.Contains("Invalid Params: invalid code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLinkOpensTheTopicWhereTheTextAlreadyAnswersItsSteps()
    {
        var text = """POST https://wbsapi.withings.net/v2/oauth2 action=requesttoken grant_type=authorization_code code=abc -> {"status":503,"body":{},"error":"Invalid Params: invalid code"}""";

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var first = json.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("invalid-code", first.GetProperty("topic").GetString());
        Assert.Equal("/troubleshoot/invalid-code?status=503&endpoint=token&grant_type=authorization_code", first.GetProperty("url").GetString());
    }

    [Fact]
    public async Task DiagnosesCarryTheirThreadsAndSearchSuggestionsAreMarked()
    {
        var client = fixture.Portal.CreateClient();

        var diagnosed = await client.PostAsJsonAsync("/api/diagnose", new { text = "{'status': 503, 'error': 'Invalid Params: invalid code'}" }, Cancel);
        var suggested = await client.PostAsJsonAsync("/api/diagnose", new { text = "withings: which scope do I need for heart rate data from the watch?" }, Cancel);

        using var rule = JsonDocument.Parse(await diagnosed.Content.ReadAsStringAsync(Cancel));
        var first = rule.RootElement.GetProperty("diagnoses")[0];
        Assert.False(first.GetProperty("fromSearch").GetBoolean());
        var thread = first.GetProperty("seenElsewhere")[0];
        Assert.StartsWith("https://", thread.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(thread.GetProperty("fixedBy").GetString()));
        using var search = JsonDocument.Parse(await suggested.Content.ReadAsStringAsync(Cancel));
        Assert.All(search.RootElement.GetProperty("diagnoses").EnumerateArray(), d => Assert.True(d.GetProperty("fromSearch").GetBoolean()));
        Assert.Contains("weaker", search.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task GarminLoginErrorGetsNoDiagnosis()
    {
        var text = "garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin?service=https%3A%2F%2Fconnect.garmin.com%2Fmodern";

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, json.RootElement.GetProperty("diagnoses").GetArrayLength());
        Assert.Contains("Withings", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("nearestIfWithings").GetArrayLength());
    }

    [Fact]
    public async Task ATextNamingNoApiGetsNoDiagnosisButItsNearestTopicsApart()
    {
        var text = "The sleep data never shows up in our app although the weight measurements arrive fine.";

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, json.RootElement.GetProperty("diagnoses").GetArrayLength());
        var nearest = json.RootElement.GetProperty("nearestIfWithings");
        Assert.Equal("empty-response", nearest[0].GetProperty("topic").GetString());
        Assert.All(nearest.EnumerateArray(), d => Assert.True(d.GetProperty("fromSearch").GetBoolean()));
        Assert.Contains("the topics below are the closest to what it describes", json.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":null}""")]
    [InlineData("""{"text": "unterminated""")]
    [InlineData("[1,2,3]")]
    public async Task MissingEmptyOrMalformedTextIsAProblem400(string body)
    {
        var response = await Post(body, "application/json");

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"text": 503}""", "`text` must be a JSON string", "`text` is a JSON number; send the text to diagnose in quotes")]
    [InlineData("""{"Text": {"status": 503}}""", "`text` must be a JSON string", "`text` is a JSON object;")]
    [InlineData("", "The body is empty", "Send {\"text\": \"...\"}")]
    [InlineData(" \r\n", "The body is empty", "Send {\"text\": \"...\"}")]
    [InlineData("""{"text": "unterminated""", "The body is not valid JSON", "Send {\"text\": \"...\"}")]
    [InlineData("[1,2,3]", "The body must be a JSON object", "The body is a JSON array;")]
    public async Task ABodyThatIsNotARequestIsToldWhatIsWrongWithIt(string body, string title, string detail)
    {
        var response = await Post(body, "application/json");

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyWithAByteOrderMarkIsRead()
    {
        var response = await Post("\uFEFF{\"text\":\"status 503 invalid code from wbsapi.withings.net/v2/oauth2\"}", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NonJsonBodyIsAProblem415()
    {
        var response = await Post("status 503 invalid code", "text/plain");

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task TextOverTheLimitIsAProblem413()
    {
        var text = "withings " + new string('x', DiagnosisLimits.MaxInputBytes);

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        var problem = await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024 KB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheEndpoint()
    {
        var document = await fixture.Portal.CreateClient().GetStringAsync("/openapi/v1.json", Cancel);

        using var json = JsonDocument.Parse(document);
        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/diagnose").GetProperty("post");
        Assert.Equal("Diagnose a pasted Withings API error", operation.GetProperty("summary").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        var requestSchema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(requestSchema.GetProperty("properties").TryGetProperty("text", out _));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("DiagnoseResponse", out _));
        Assert.True(schemas.TryGetProperty("DiagnosisItem", out _));
    }

    [Theory]
    [InlineData("{'status': 503, 'error': 'Invalid Params: invalid code'}", "diagnosed")]
    [InlineData("withings: which scope do I need for heart rate data from the watch?", "noMatch")]
    [InlineData("garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin", "otherService")]
    [InlineData("The sleep data never shows up in our app although the weight measurements arrive fine.", "noApiNamed")]
    public async Task EachAnswerNamesItsOutcomeSoThatAProgramNeedNotReadTheMessage(string text, string outcome)
    {
        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(outcome, json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task OpenApiDocumentListsTheOutcomesAsAnEnumOfStrings()
    {
        using var json = await OpenApiDocument();

        var response = Schema(json, "DiagnoseResponse");
        Assert.Contains("outcome", response.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var outcome = Resolve(json, response.GetProperty("properties").GetProperty("outcome"));
        Assert.Equal("string", outcome.GetProperty("type").GetString());
        Assert.Equal(["diagnosed", "noMatch", "otherService", "noApiNamed"], outcome.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task OpenApiDocumentTypesTheScoreAndTheProblemStatusAsNumbersOnly()
    {
        using var json = await OpenApiDocument();

        var score = Schema(json, "DiagnosisItem").GetProperty("properties").GetProperty("score");
        var status = Schema(json, "ProblemDetails").GetProperty("properties").GetProperty("status");
        Assert.Equal(["number"], Types(score));
        Assert.Equal(["integer"], Types(status).Where(t => t != "null"));
        Assert.False(score.TryGetProperty("pattern", out _));
        Assert.False(status.TryGetProperty("pattern", out _));
    }

    [Fact]
    public async Task OpenApiDocumentSaysWhatMakesASuggestionWeakerWithoutNamingTheContentSearch()
    {
        using var json = await OpenApiDocument();

        var description = Schema(json, "DiagnosisItem").GetProperty("properties").GetProperty("fromSearch").GetProperty("description").GetString();
        Assert.DoesNotContain("content search", description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("evidence", description, StringComparison.Ordinal);
        Assert.Contains("words", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachTopicCarriesAnAbsoluteUrlOnThePortalsOwnOrigin()
    {
        var client = fixture.Portal.CreateClient(new() { BaseAddress = new Uri("http://portal.example") });
        var text = "The sleep data never shows up in our app although the weight measurements arrive fine.";

        var diagnosed = await client.PostAsJsonAsync("/api/diagnose", new { text = "{'status': 503, 'error': 'Invalid Params: invalid code'}" }, Cancel);
        var unnamed = await client.PostAsJsonAsync("/api/diagnose", new { text }, Cancel);

        using var rule = JsonDocument.Parse(await diagnosed.Content.ReadAsStringAsync(Cancel));
        using var nearest = JsonDocument.Parse(await unnamed.Content.ReadAsStringAsync(Cancel));
        var items = rule.RootElement.GetProperty("diagnoses").EnumerateArray().Concat(nearest.RootElement.GetProperty("nearestIfWithings").EnumerateArray()).ToList();
        Assert.NotEmpty(nearest.RootElement.GetProperty("nearestIfWithings").EnumerateArray());
        Assert.All(items, item => Assert.Equal("http://portal.example" + item.GetProperty("url").GetString(), item.GetProperty("absoluteUrl").GetString()));
        Assert.StartsWith("/troubleshoot/", items[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAbsoluteUrlTakesTheSchemeATrustedProxyForwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/diagnose")
        {
            Content = JsonContent.Create(new { text = "{'status': 503, 'error': 'Invalid Params: invalid code'}" }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await fixture.Portal.CreateClient(new() { BaseAddress = new Uri("http://portal.example") }).SendAsync(request, Cancel);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.StartsWith("https://portal.example/troubleshoot/invalid-code?", json.RootElement.GetProperty("diagnoses")[0].GetProperty("absoluteUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentDeclaresTheProblemAnswersAndTheWaitAfterA429()
    {
        using var json = await OpenApiDocument();

        var responses = json.RootElement.GetProperty("paths").GetProperty("/api/diagnose").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "413", "415", "429" })
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
            Assert.NotEqual(ReasonPhrase(status), responses.GetProperty(status).GetProperty("description").GetString());
        }
        var retryAfter = responses.GetProperty("429").GetProperty("headers").GetProperty("Retry-After");
        Assert.Equal("integer", retryAfter.GetProperty("schema").GetProperty("type").GetString());
        Assert.True(retryAfter.GetProperty("required").GetBoolean());
        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/diagnose").GetProperty("post").GetProperty("description").GetString();
        Assert.Contains("405", operation, StringComparison.Ordinal);
        Assert.Contains("404", operation, StringComparison.Ordinal);
    }

    private static string ReasonPhrase(string status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));

    private async Task<JsonDocument> OpenApiDocument() =>
        JsonDocument.Parse(await fixture.Portal.CreateClient().GetStringAsync("/openapi/v1.json", Cancel));

    private static JsonElement Schema(JsonDocument document, string name) =>
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Schema(document, reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    /// <summary>A schema's <c>type</c>, a string or an array of them, as a list.</summary>
    private static List<string> Types(JsonElement schema) => schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } types
        ? types.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [schema.GetProperty("type").GetString()!];

    private Task<HttpResponseMessage> Post(string body, string contentType) =>
        fixture.Portal.CreateClient().PostAsync("/api/diagnose", new StringContent(body, Encoding.UTF8, contentType), Cancel);

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        return json.RootElement.Clone();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task AnotherMethodIsToldInProblemJsonThatTheEndpointTakesPost(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/diagnose");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await fixture.Portal.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal($"/api/diagnose does not take {method}; it takes POST.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownApiAddressIsAProblemJsonNotFound()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/api/diagnosis", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST /api/diagnose", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());
    }
}
