using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Withings.Client;

/// <summary>
/// Typed client for the Withings API (OAuth 2.0 token service, signature service and the data services), for the
/// real hosts or the sandbox alike. Calls never throw for Withings or network problems: they return a
/// <see cref="WithingsResult{T}"/> with a typed error and the redacted exchange. Only a cancellation by the caller throws.
/// </summary>
public sealed partial class WithingsClient(HttpClient http, IOptions<WithingsApiOptions> options, TimeProvider timeProvider)
{
    /// <summary>Marks a request the resilience pipeline may retry (idempotent data reads only).</summary>
    internal static readonly HttpRequestOptionsKey<bool> RetryableRead = new("Withings.RetryableRead");

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public WithingsApiOptions Options => options.Value;

    private async Task<WithingsResult<T>> CallAsync<T>(
        string service, IReadOnlyList<KeyValuePair<string, string>> parameters, string? accessToken, bool retryable,
        CancellationToken cancellationToken)
    {
        var url = CombineUrl(Options.ApiBaseUrl, service);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(parameters),
        };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        request.Options.Set(RetryableRead, retryable);

        var redactor = new SecretRedactor();
        redactor.AddParameters(parameters);
        redactor.Add(accessToken, "<access_token>");
        redactor.Add(Options.ClientSecret, "<client_secret>");
        var requestBody = await request.Content.ReadAsStringAsync(cancellationToken);

        var started = timeProvider.GetTimestamp();
        HttpResponseMessage? response = null;
        string? responseBody = null;
        WithingsError? transportError = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            transportError = new WithingsError(WithingsErrorKind.Timeout, null, $"No answer from {request.RequestUri!.Host} within the timeout.");
        }
        catch (HttpRequestException ex)
        {
            transportError = new WithingsError(WithingsErrorKind.Network, null, $"Could not reach {request.RequestUri!.Host}: {ex.Message}");
        }

        var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        redactor.AddResponseSecrets(responseBody);
        var exchange = HttpExchange.Record(request, requestBody, response, responseBody, elapsed, redactor.Redact);
        response?.Dispose();

        if (transportError is not null)
        {
            return WithingsResult<T>.Failure(transportError, exchange);
        }
        return Interpret<T>(response!.IsSuccessStatusCode, (int)response.StatusCode, response.ReasonPhrase, responseBody!, exchange);
    }

    internal static WithingsResult<T> Interpret<T>(bool httpSuccess, int httpStatus, string? reason, string body, HttpExchange exchange)
    {
        if (!httpSuccess)
        {
            return WithingsResult<T>.Failure(
                new WithingsError(WithingsErrorKind.HttpStatus, null, $"HTTP {httpStatus} {reason}".TrimEnd()), exchange);
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("status", out var statusElement) ||
                !statusElement.TryGetInt32(out var status))
            {
                return Malformed<T>("The answer has no integer \"status\" field.", exchange);
            }
            var errorText = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
            if (status != 0)
            {
                return WithingsResult<T>.Failure(WithingsError.FromStatus(status, errorText), exchange);
            }
            if (!root.TryGetProperty("body", out var bodyElement))
            {
                return Malformed<T>("Status 0 but the answer has no \"body\".", exchange);
            }
            var typed = bodyElement.Deserialize<T>(Json);
            return typed is null ? Malformed<T>("The \"body\" is null.", exchange) : WithingsResult<T>.Success(typed, exchange);
        }
        catch (JsonException ex)
        {
            return Malformed<T>($"The answer is not valid JSON: {ex.Message}", exchange);
        }
    }

    private static WithingsResult<T> Malformed<T>(string message, HttpExchange exchange) =>
        WithingsResult<T>.Failure(new WithingsError(WithingsErrorKind.MalformedResponse, null, message), exchange);

    internal static string CombineUrl(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
