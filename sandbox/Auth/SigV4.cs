using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CredIr.Sandbox.Auth;

/// <summary>The Signature Version 4 computation, shared by the verifier and the scenario runner's signer.</summary>
internal static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string CanonicalUri(string rawPath, bool isS3)
    {
        var path = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        // S3 signs the path as sent; every other service signs it URI-encoded once more.
        return isS3 ? path : EncodeRfc3986(path, keepSlash: true);
    }

    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add((EncodeRfc3986(Uri.UnescapeDataString(key), false), EncodeRfc3986(Uri.UnescapeDataString(value), false)));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    public static string CanonicalHeaderValue(IEnumerable<string?> values)
    {
        var joined = string.Join(',', values.Select(v => v ?? ""));
        var sb = new StringBuilder(joined.Length);
        var space = false;
        foreach (var c in joined.Trim())
        {
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IReadOnlyList<(string Name, string Value)> signedHeaders, string payloadHash)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in signedHeaders)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        sb.Append('\n').Append(string.Join(';', signedHeaders.Select(h => h.Name))).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    public static string Signature(string secret, string amzDate, string scopeDate, string region, string service, string canonicalRequest)
    {
        var scope = $"{scopeDate}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(scopeDate));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string PayloadHash(ReadOnlySpan<byte> body) => Hex(SHA256.HashData(body));

    public static bool TryParseAmzDate(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string EncodeRfc3986(string value, bool keepSlash)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
