using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Identity;

/// <summary>
/// Short-lived tokens one service sends another instead of a replayable shared secret: who acts (the person or
/// service), for which service (the audience: a token for Containment is refused by Eradication), issued when,
/// valid until, signed with HMAC-SHA256 over the deployment's key. The gateway and the coordinator issue them;
/// the called service's caller interceptor checks them.
/// </summary>
public sealed class ServiceTokens
{
    /// <summary>The request header carrying the token.</summary>
    public const string Header = "x-credir-service-token";

    private readonly byte[]? _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ServiceTokens(IOptions<ServiceIdentityOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _key = settings.Key is { Length: > 0 } key ? SecretKeys.Decode(key)
            : settings.KeyFile is { Length: > 0 } file && File.Exists(file) ? SecretKeys.Decode(File.ReadAllText(file))
            : null;
        _lifetime = settings.TokenLifetime;
        _time = time;
    }

    /// <summary>Whether this process has a key: it can issue tokens, and it requires them.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>A token for one call to <paramref name="audience"/> (a service's full name, e.g. credir.v1.Containment) on behalf of <paramref name="caller"/>.</summary>
    public string Issue(string caller, string audience)
    {
        var key = _key ?? throw new InvalidOperationException("ServiceIdentity:Key is not configured: this process cannot issue service tokens.");
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(caller, audience, now, now + (long)_lifetime.TotalSeconds, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)))));
        return payload + "." + Base64Url(Sign(key, payload));
    }

    /// <summary>The caller a token names, when it is signed with this deployment's key, for this audience and not expired; else null.</summary>
    public string? Validate(string? token, string audience)
    {
        if (_key is not { } key || string.IsNullOrEmpty(token) || token.Split('.') is not [var payload, var signature])
        {
            return null;
        }

        byte[] given;
        TokenPayload? claims;
        try
        {
            given = FromBase64Url(signature);
            if (!CryptographicOperations.FixedTimeEquals(given, Sign(key, payload)))
            {
                return null;
            }

            claims = JsonSerializer.Deserialize<TokenPayload>(FromBase64Url(payload));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return claims is { Sub.Length: > 0 } && string.Equals(claims.Aud, audience, StringComparison.Ordinal) && claims.Exp >= now && claims.Iat <= now + 60
            ? claims.Sub
            : null;
    }

    /// <summary>The audience a gRPC method path is for: "/credir.v1.Containment/PlanContainment" is credir.v1.Containment.</summary>
    public static string AudienceOf(string method) => method.TrimStart('/').Split('/')[0];

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("credir-service-token-v1." + payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private sealed record TokenPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("sub")] string Sub,
        [property: System.Text.Json.Serialization.JsonPropertyName("aud")] string Aud,
        [property: System.Text.Json.Serialization.JsonPropertyName("iat")] long Iat,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Exp,
        [property: System.Text.Json.Serialization.JsonPropertyName("jti")] string Jti);
}
