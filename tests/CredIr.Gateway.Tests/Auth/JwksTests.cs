using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CredIr.Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CredIr.Gateway.Tests.Auth;

/// <summary>RS256 tokens checked against the public keys of a JWKS file (Gateway:Auth:JwksPath), by JwtBearer.</summary>
public sealed class JwksTests : IAsyncLifetime
{
    private readonly RSA _trusted = RSA.Create(2048);
    private readonly RSA _other = RSA.Create(2048);
    private readonly string _jwks = Path.Combine(Path.GetTempPath(), $"credir-jwks-{Guid.NewGuid():N}.json");
    private IncidentsBackend? _backend;
    private GatewayHost? _gateway;

    private GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_trusted.ExportParameters(false)) { KeyId = "idp-1" });
        await File.WriteAllTextAsync(_jwks, JsonSerializer.Serialize(new { keys = new[] { new { kty = key.Kty, kid = key.Kid, use = "sig", alg = "RS256", n = key.N, e = key.E } } }));
        _backend = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings(_backend.Address);
        settings.Remove("Gateway:Auth:SigningKey");
        settings["Gateway:Auth:JwksPath"] = _jwks;
        _gateway = await GatewayHost.StartAsync(settings);
    }

    [Fact]
    public async Task Rs256TokenFromAJwksKey_IsAccepted()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", Rs256(_trusted, "idp-1")));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rs256TokenFromAnUnknownKey_Returns401()
    {
        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", Rs256(_other, "idp-1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    private static string Rs256(RSA key, string keyId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Tokens.Issuer,
        Audience = Tokens.Audience,
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["sub"] = "rsa-caller", ["roles"] = "viewer" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
    });

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        File.Delete(_jwks);
        _trusted.Dispose();
        _other.Dispose();
    }
}
