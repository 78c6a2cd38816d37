using System.Net;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Auth;

public sealed class AuthenticationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<(HttpStatusCode Status, string Code)> GetListAsync(string? token)
    {
        using var response = await fixture.Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", token));
        return (response.StatusCode, (await Json.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task NoToken_Returns401Unauthenticated()
    {
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), await GetListAsync(null));
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_Returns401()
    {
        var forged = Tokens.For("eve", "approver", key: "another-signing-key-that-is-long-enough-0123");

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), await GetListAsync(forged));
    }

    [Fact]
    public async Task ExpiredToken_Returns401()
    {
        var expired = Tokens.For("rita", "approver", expires: DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), await GetListAsync(expired));
    }

    [Fact]
    public async Task TokenForAnotherAudience_Returns401()
    {
        var other = Tokens.For("rita", "approver", audience: "some-other-api");

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), await GetListAsync(other));
    }

    [Fact]
    public async Task TokenWithoutAnyRole_Returns403NamingViewer()
    {
        using var response = await fixture.Gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", Tokens.For("nobody", "guest")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("viewer", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewerOpeningAnIncident_Returns403NamingResponder()
    {
        using var response = await fixture.Gateway.Http.SendAsync(
            GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Tokens.For("vera", "viewer"), Json.OpenBody("viewer-open", "no")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("responder", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
