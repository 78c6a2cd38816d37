using System.Globalization;
using CredIr.Sandbox.Auth;

namespace CredIr.Sandbox.Scenarios;

/// <summary>Signs the scenario runner's requests with SigV4, as an SDK would.</summary>
internal static class StepSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, SandboxCredentials credentials, string region, string service, DateTimeOffset at)
    {
        var amzDate = at.UtcDateTime.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture);
        var uri = request.RequestUri!;
        var payloadHash = SigV4.PayloadHash(body);
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("x-amz-security-token", token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.SessionToken is { } t)
        {
            headers["x-amz-security-token"] = t;
        }

        if (request.Headers.TryGetValues("X-Amz-Target", out var target))
        {
            headers["x-amz-target"] = string.Join(',', target);
        }

        var signed = headers.Select(h => (h.Key, h.Value)).ToList();
        var canonical = SigV4.CanonicalRequest(request.Method.Method, SigV4.CanonicalUri(uri.AbsolutePath, service == "s3"), SigV4.CanonicalQuery(uri.Query), signed, payloadHash);
        var scopeDate = amzDate[..8];
        var signature = SigV4.Signature(credentials.SecretAccessKey, amzDate, scopeDate, region, service, canonical);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4.Algorithm} Credential={credentials.AccessKeyId}/{scopeDate}/{region}/{service}/aws4_request, SignedHeaders={string.Join(';', headers.Keys)}, Signature={signature}");
    }
}
