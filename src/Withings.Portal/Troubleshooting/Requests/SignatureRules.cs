using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Signed calls: HMAC-SHA256 (lowercase hex, 64 characters) over the sorted signed values (https://developer.withings.com/developer-guide/v3/integration-guide/bulkship-sdk/get-access/sign-your-requests/).</summary>
internal static class SignatureRules
{
    public static void Check(ParsedRequest request, List<RequestIssue> issues)
    {
        issues.Add(new(SignalFacts.SignatureParams, IssueSeverity.Info, "the request is signed (`nonce` + `signature`)"));
        var signature = request.Param("signature");
        if (signature is not null && !signature.StartsWith('{') && !signature.StartsWith('<') && !IsLowerHex64(signature))
        {
            issues.Add(new(SignalFacts.SignatureBadFormat, IssueSeverity.Warning,
                "`signature` is not 64 lowercase hex characters (HMAC-SHA256 of the sorted values joined by commas, keyed with the client secret)"));
        }
    }

    private static bool IsLowerHex64(string value) => value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
