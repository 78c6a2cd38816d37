using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CredIr.Gateway.Tests.Support;

/// <summary>Bearer tokens as an identity provider would mint them (HS256).</summary>
internal static class Tokens
{
    public const string Issuer = "https://idp.credir.test";
    public const string Audience = "credir-gateway";
    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";

    public static string For(string subject, string role, string? audience = null, string key = SigningKey, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = role },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
