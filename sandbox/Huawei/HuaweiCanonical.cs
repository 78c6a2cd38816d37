using System.Security.Cryptography;
using System.Text;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// The sandbox's own SDK-HMAC-SHA256 parts (the verifier checks with them, the scenario runner signs with them),
/// written apart from the client library's signer so each one checks the other.
/// </summary>
internal static class HuaweiCanonical
{
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>Each path segment decoded then percent-encoded (RFC 3986 unreserved kept), ending with '/'.</summary>
    public static string Path(string path)
    {
        var uri = string.Join('/', path.Split('/').Select(static s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>The query's parameters, encoded, sorted by name then value, joined by '&amp;'.</summary>
    public static string Query(string query) => string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(static p => p.Split('=', 2))
        .Select(static p => (K: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), V: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
        .OrderBy(static p => p.K, StringComparer.Ordinal).ThenBy(static p => p.V, StringComparer.Ordinal)
        .Select(static p => p.K + "=" + p.V));

    /// <summary>The canonical request; <paramref name="headers"/> are lower-case names with their values, sorted by name.</summary>
    public static string Request(string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n').Append(Path(path)).Append('\n').Append(Query(query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        return builder.Append('\n').Append(string.Join(';', headers.Select(static h => h.Key))).Append('\n').Append(payloadHash).ToString();
    }

    /// <summary>Hex HMAC-SHA256, keyed with the SK itself, of the string to sign.</summary>
    public static string Signature(string canonicalRequest, string sdkDate, string secret)
    {
        var toSign = $"{Algorithm}\n{sdkDate}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign)));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
