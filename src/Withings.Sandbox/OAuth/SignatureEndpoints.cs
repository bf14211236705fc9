using System.Globalization;
using Withings.Client;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.OAuth;

/// <summary><c>{base}/wbsapi/v2/signature action=getnonce</c>: a signed request (action, client_id, timestamp) returns a nonce.</summary>
internal static class SignatureEndpoints
{
    /// <summary>How far the timestamp may be from the sandbox clock. Simulated: Withings does not document its tolerance.</summary>
    public const int TimestampToleranceSeconds = 600;

    public static RouteGroupBuilder MapSignatureEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.Signature.Path, SandboxRoutes.GetAndPost, GetNonceAsync).WithName("SandboxGetNonce");
        return wbsapi;
    }

    private static async Task<IResult> GetNonceAsync(HttpContext http, SandboxApps apps, SandboxNonces nonces, SandboxRateLimiter limiter, TimeProvider time)
    {
        var (request, unreadable) = await WithingsRequest.ReadAsync(http);
        if (request is null)
        {
            return unreadable!;
        }
        if (request.UsesOAuth1)
        {
            return WithingsReply.OAuth1Refused();
        }
        if (request.Action != "getnonce")
        {
            return WithingsReply.NotImplemented();
        }
        var app = await apps.FindAsync(request.Get("client_id"), http.RequestAborted);
        if (app is null)
        {
            return WithingsReply.InvalidClient();
        }
        if (!limiter.TryAcquire(app.Id))
        {
            return WithingsReply.TooManyRequests();
        }
        var timestampText = request.Get("timestamp");
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) ||
            Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > TimestampToleranceSeconds)
        {
            return WithingsReply.InvalidTimestamp();
        }
        var expected = WithingsSignature.ForNonce(apps.RevealSecretForSignature(app), app.ClientId, timestamp);
        if (!WithingsSignature.Matches(expected, request.Get("signature")))
        {
            return WithingsReply.InvalidSignature();
        }
        return WithingsReply.Ok(new { nonce = await nonces.IssueAsync(app.Id, http.RequestAborted) });
    }
}
