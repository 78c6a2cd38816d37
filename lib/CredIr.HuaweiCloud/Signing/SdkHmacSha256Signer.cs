using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CredIr.HuaweiCloud.Signing;

/// <summary>
/// Huawei Cloud's AK/SK request signing (API Gateway "SDK-HMAC-SHA256"): a canonical request of the method,
/// the path (each segment percent-encoded, always ending in '/'), the sorted query, the signed headers and
/// the body's SHA-256; the string to sign names the algorithm, the X-Sdk-Date and the canonical request's
/// hash; the signature is HMAC-SHA256 keyed with the SK itself (no derived key, unlike SigV4).
/// </summary>
public static class SdkHmacSha256Signer
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string SecurityTokenHeader = "X-Security-Token";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    // Headers signed when present: host and date always; the rest bind the request's meaning to the signature.
    private static readonly string[] SignedWhenPresent = ["content-type", "host", "x-domain-id", "x-project-id", "x-sdk-date", "x-security-token"];

    /// <summary>Adds X-Sdk-Date, Host, X-Security-Token (temporary AK/SK) and Authorization to <paramref name="request"/>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, HuaweiCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var date = now.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, date);
        request.Headers.Host = uri.Authority;
        request.Headers.Remove(SecurityTokenHeader);
        if (credentials.SecurityToken is { } token)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, token);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in SignedWhenPresent)
        {
            if (Header(request, name) is { } value)
            {
                headers.Add(new(name, value));
            }
        }

        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, HexSha256(body));
        var signature = Signature(StringToSign(canonical, date), credentials.SecretAccessKey);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{Algorithm} Access={credentials.AccessKeyId}, SignedHeaders={string.Join(';', headers.Select(static h => h.Key))}, Signature={signature}");
    }

    /// <summary>
    /// The canonical request: METHOD, path, query, "name:value" lines of the signed headers (sorted, names
    /// lower-case, values trimmed) and a blank line, the signed header names joined by ';', the body hash.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IEnumerable<KeyValuePair<string, string>> headers, string bodySha256Hex)
    {
        var sorted = headers.Select(static h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
            .OrderBy(static h => h.Key, StringComparer.Ordinal).ToList();
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalUri(path)).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in sorted)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', sorted.Select(static h => h.Key))).Append('\n');
        builder.Append(bodySha256Hex);
        return builder.ToString();
    }

    public static string StringToSign(string canonicalRequest, string sdkDate) =>
        $"{Algorithm}\n{sdkDate}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string Signature(string stringToSign, string secretAccessKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Each segment decoded then percent-encoded (RFC 3986 unreserved kept); a trailing '/' always.</summary>
    public static string CanonicalUri(string path)
    {
        var encoded = string.Join('/', path.Split('/').Select(static s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    /// <summary>Parameters sorted by name (then value), both percent-encoded, joined by '&amp;'.</summary>
    public static string CanonicalQuery(string query)
    {
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(static p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(p[(eq + 1)..]);
                return (Key: Uri.EscapeDataString(key), Value: Uri.EscapeDataString(value));
            })
            .OrderBy(static p => p.Key, StringComparer.Ordinal).ThenBy(static p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(static p => $"{p.Key}={p.Value}"));
    }

    private static string? Header(HttpRequestMessage request, string name)
    {
        if (name == "host")
        {
            return request.Headers.Host;
        }

        if (request.Headers.TryGetValues(name, out var values))
        {
            return string.Join(',', values);
        }

        return request.Content?.Headers is HttpContentHeaders content && content.TryGetValues(name, out var contentValues)
            ? string.Join(',', contentValues)
            : null;
    }
}
