using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Portal.Troubleshooting.Topics;
using Withings.Portal.WithingsApi;
using Withings.Sandbox;

namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>
/// "Reproduce it": runs a topic's failing call and its corrected call (the <c>reproduce</c> front matter) against the
/// portal's embedded sandbox, from the server, as the portal's own sandbox app (<c>Sandbox:PortalApp</c>) and the demo
/// user. Placeholders are filled with real values obtained on the spot (a fresh code from the consent form, tokens from
/// an exchange), the call's <c>prepare</c> steps are made true, and every exchange comes back with its secrets replaced
/// by labelled placeholders.
/// </summary>
public sealed partial class ReproduceRunner(IHttpClientFactory clients, IOptions<SandboxOptions> sandbox, WithingsApiSettings settings, TimeProvider time)
{
    public const string HttpClientName = "Troubleshooting.Reproduce";

    /// <summary>Where the sandbox's HEAD check of a notification callback lands: this portal answers it with 200.</summary>
    public const string CallbackProbePath = "/troubleshoot/reproduce-callback";

    /// <summary>Why nothing can run on this portal, or null when it can.</summary>
    public string? Unavailable =>
        !settings.SandboxEnabled ? "The sandbox is turned off on this portal (Sandbox:Enabled is false), so there is nothing to run the calls against."
        : App is null ? "The portal's sandbox app is not configured (Sandbox:PortalApp), so the calls cannot be made."
        : null;

    private PortalSandboxApp? App => sandbox.Value.PortalApp is { ClientId: { Length: > 0 } id, ClientSecret: { Length: > 0 } secret } configured &&
        CallbackUrlRules.CheckList(configured.CallbackUrl, CallbackUrlMode.Restricted).Urls is [var redirectUri, ..]
            ? new PortalSandboxApp(id, secret, redirectUri)
            : null;

    /// <param name="origin">The portal's address as the reader sees it (<c>https://portal.example</c>): shown URLs and curl commands use it.</param>
    public async Task<Reproduction> RunAsync(Topic topic, string origin, CancellationToken cancellationToken)
    {
        var spec = topic.Meta.Reproduce ?? throw new InvalidOperationException($"Topic '{topic.Id}' has no reproduce block.");
        var app = App ?? throw new InvalidOperationException(Unavailable);
        var session = new SandboxSession(clients.CreateClient(HttpClientName), app, time);
        var failing = await RunAsync(session, spec.Failing, origin, cancellationToken);
        var corrected = await RunAsync(session, spec.Corrected, origin, cancellationToken);
        return new Reproduction(topic, Finish(failing, session, origin), Finish(corrected, session, origin));
    }

    private static async Task<ReproducedCall> RunAsync(SandboxSession session, ReproduceCall call, string origin, CancellationToken cancellationToken)
    {
        try
        {
            var values = await ResolveAsync(session, call, origin, cancellationToken);
            if (call.Prepare.Contains("code-used"))
            {
                await session.SpendCodeAsync(values["code"], cancellationToken);
            }
            if (call.Prepare.Contains("refresh-token-rotated"))
            {
                values["refresh_token"] = await session.RotateRefreshTokenAsync(cancellationToken);
            }
            var parameters = call.Params.Select(p => new CallParameter(p.Name, Fill(p.Value, values), p.In)).ToList();
            HttpExchange? first = null;
            if (call.Prepare.Contains("send-twice"))
            {
                first = await session.SendAsync(call.Method, call.Path, parameters, cancellationToken);
            }
            var exchange = await session.SendAsync(call.Method, call.Path, parameters, cancellationToken);
            IReadOnlyList<HttpExchange> setup = first is null ? session.TakeSetup() : [.. session.TakeSetup(), first];
            return new ReproducedCall(call, setup, exchange, Expectations.Differences(call.Expect, exchange), null, CallbackNote(values));
        }
        catch (SandboxSetupException ex)
        {
            return new ReproducedCall(call, session.TakeSetup(), null, [], ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReproducedCall(call, session.TakeSetup(), null, [],
                "The API did not answer in time, so the call was given up (and not sent again). Try again in a minute.");
        }
        catch (HttpRequestException ex)
        {
            return new ReproducedCall(call, session.TakeSetup(), null, [],
                $"The API could not be reached ({ex.HttpRequestError}), so the call was not made. Try again in a minute.");
        }
        catch (System.Text.Json.JsonException)
        {
            return new ReproducedCall(call, session.TakeSetup(), null, [],
                "The API answered with something that is not valid JSON, so the run stopped there. Try again in a minute.");
        }
    }

    /// <summary>Real values for the placeholders the call uses, each secret taught to the redactor under its label.</summary>
    private static async Task<Dictionary<string, string>> ResolveAsync(SandboxSession session, ReproduceCall call, string origin, CancellationToken cancellationToken)
    {
        var used = call.Params.SelectMany(p => Placeholder().Matches(p.Value).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in used)
        {
            values[name] = name switch
            {
                "client_id" => session.ClientId,
                "client_secret" => session.ClientSecret,
                "redirect_uri" => session.RedirectUri,
                "code" => await session.NewCodeAsync(cancellationToken),
                "access_token" => (await TokensAsync()).AccessToken!,
                "refresh_token" => (await TokensAsync()).RefreshToken!,
                "callback_url" => origin + CallbackProbePath,
                _ => throw new SandboxSetupException($"The runner has no value for {{{name}}}."),
            };
            // Tokens are already known to the redactor, under the label of their generation.
            if (name is "client_secret" or "code")
            {
                session.Redactor.Add(values[name], $"<{name}>");
            }
        }
        return values;

        async Task<SandboxSession> TokensAsync()
        {
            await session.EnsureTokensAsync(cancellationToken);
            return session;
        }
    }

    /// <summary>
    /// <c>{callback_url}</c> is this portal: Withings (and the sandbox) only accept it when the portal is served over public
    /// https. Said up front, so a refused subscription on a local portal is not mistaken for a wrong fix.
    /// </summary>
    private static string? CallbackNote(Dictionary<string, string> values) =>
        values.TryGetValue("callback_url", out var url) && CallbackUrlRules.Check(url) is { IsValid: false } check
            ? $"This call needs a callback URL Withings can reach, and this portal's is {url}: {string.Join(" ", check.Problems)} " +
              "On a portal served over public https, the same call succeeds."
            : null;

    private static string Fill(string value, Dictionary<string, string> values) =>
        Placeholder().Replace(value, m => values.TryGetValue(m.Groups[1].Value, out var filled) ? filled : m.Value);

    /// <summary>Redacts with everything the run learned, and shows URLs on the portal's own address.</summary>
    private static ReproducedCall Finish(ReproducedCall call, SandboxSession session, string origin) => call with
    {
        Setup = [.. call.Setup.Select(e => Shown(e, session.Redactor, origin))],
        Exchange = call.Exchange is null ? null : Shown(call.Exchange, session.Redactor, origin),
    };

    private static HttpExchange Shown(HttpExchange exchange, SecretRedactor redactor, string origin) => exchange with
    {
        Url = OnPortal(redactor.Redact(exchange.Url), origin),
        RequestHeaders = [.. exchange.RequestHeaders.Select(h => KeyValuePair.Create(h.Key, redactor.Redact(h.Value)))],
        RequestBody = exchange.RequestBody is null ? null : redactor.Redact(exchange.RequestBody),
        ResponseHeaders = [.. exchange.ResponseHeaders.Select(h => KeyValuePair.Create(h.Key, redactor.Redact(h.Value)))],
        ResponseBody = exchange.ResponseBody is null ? null : redactor.Redact(exchange.ResponseBody),
    };

    private static string OnPortal(string url, string origin) => OwnServerLoopback.AsSeenFrom(url, origin);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
