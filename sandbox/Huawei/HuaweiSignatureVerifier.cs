using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// Checks SDK-HMAC-SHA256 against the AK/SKs this account issued, the way Huawei's API gateway does:
/// the canonical request rebuilt from the raw request line, X-Sdk-Date within 15 minutes, the AK known,
/// active and not deleted, its user enabled, a temporary AK's security token present and unexpired.
/// Written apart from the client library's signer so each checks the other.
/// </summary>
internal sealed partial class HuaweiSignatureVerifier(HuaweiState state)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(15);

    public HwCaller Verify(HttpRequest request, byte[] body)
    {
        var match = AuthorizationPattern().Match(request.Headers.Authorization.ToString());
        if (!match.Success)
        {
            throw HuaweiApiException.Unauthenticated("Authorization header is missing or not SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...");
        }

        var accessKeyId = match.Groups["ak"].Value;
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        if (!signedHeaders.Contains("x-sdk-date"))
        {
            throw HuaweiApiException.Unauthenticated("x-sdk-date must be a signed header");
        }

        if (!DateTimeOffset.TryParseExact(request.Headers["X-Sdk-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            throw HuaweiApiException.Unauthenticated("X-Sdk-Date is missing or not in the form 20191115T033655Z");
        }

        if ((date - state.Clock.SigningReference).Duration() > Skew)
        {
            throw HuaweiApiException.Unauthenticated("X-Sdk-Date is more than 15 minutes from the server's time");
        }

        var (secret, caller) = Lookup(request, accessKeyId);
        var expected = Encoding.ASCII.GetBytes(HuaweiCanonical.Signature(Canonical(request, body, signedHeaders), request.Headers["X-Sdk-Date"].ToString(), secret));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(match.Groups["sig"].Value)))
        {
            throw HuaweiApiException.Unauthenticated("verify aksk signature fail");
        }

        return caller;
    }

    private (string Secret, HwCaller Caller) Lookup(HttpRequest request, string accessKeyId)
    {
        lock (state.Gate)
        {
            if (state.Keys.TryGetValue(accessKeyId, out var key) && !key.Deleted)
            {
                if (key.Status != "active")
                {
                    throw HuaweiApiException.Unauthenticated($"the access key {accessKeyId} is inactive");
                }

                var user = state.Users[key.UserId];
                if (!user.Enabled)
                {
                    throw HuaweiApiException.Unauthenticated($"the user of access key {accessKeyId} is disabled");
                }

                key.LastUsed = state.Clock.GetUtcNow();
                return (key.Secret, new HwCaller(user, accessKeyId, Temporary: false, AgencyName: null));
            }

            if (state.TemporaryKeys.TryGetValue(accessKeyId, out var temporary))
            {
                if (request.Headers["X-Security-Token"].ToString() != temporary.Token)
                {
                    throw HuaweiApiException.Unauthenticated($"the security token of temporary access key {accessKeyId} is missing or does not match");
                }

                if (temporary.Expires <= state.Clock.GetUtcNow())
                {
                    throw HuaweiApiException.Unauthenticated($"the security token of temporary access key {accessKeyId} has expired");
                }

                var user = state.Users[temporary.UserId];
                if (!user.Enabled)
                {
                    throw HuaweiApiException.Unauthenticated($"the user of access key {accessKeyId} is disabled");
                }

                return (temporary.Secret, new HwCaller(user, accessKeyId, Temporary: true, temporary.AgencyName));
            }
        }

        throw HuaweiApiException.Unauthenticated($"the access key {accessKeyId} does not exist");
    }

    private static string Canonical(HttpRequest request, byte[] body, string[] signedHeaders)
    {
        // The raw request target, as the client sent (and signed) it: PathBase stripping must not change it.
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString).ToString();
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in signedHeaders.Order(StringComparer.Ordinal))
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            if (string.IsNullOrEmpty(value))
            {
                throw HuaweiApiException.Unauthenticated($"the signed header {name} is not in the request");
            }

            headers.Add(new(name, value));
        }

        var payload = request.Headers["X-Sdk-Content-Sha256"].ToString() == "UNSIGNED-PAYLOAD" ? "UNSIGNED-PAYLOAD" : HuaweiCanonical.Hex(SHA256.HashData(body));
        return HuaweiCanonical.Request(request.Method, q < 0 ? target : target[..q], q < 0 ? string.Empty : target[(q + 1)..], headers, payload);
    }

    [GeneratedRegex(@"^SDK-HMAC-SHA256\s+Access=(?<ak>[^,\s]+),\s*SignedHeaders=(?<headers>[^,\s]+),\s*Signature=(?<sig>[0-9a-f]+)$")]
    private static partial Regex AuthorizationPattern();
}
