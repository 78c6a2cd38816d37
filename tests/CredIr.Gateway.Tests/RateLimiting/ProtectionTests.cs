using System.Net;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.RateLimiting;

public sealed class ProtectionTests
{
    [Fact]
    public async Task CallerOverTheirBucket_Gets429WithRetryAfter()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings(backend.Address);
        settings["Gateway:RateLimit:TokenLimit"] = "3";
        settings["Gateway:RateLimit:TokensPerPeriod"] = "1";
        settings["Gateway:RateLimit:ReplenishmentPeriod"] = "00:01:00";
        await using var gateway = await GatewayHost.StartAsync(settings);
        var token = Tokens.For("greedy", "viewer");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", token));
            statuses.Add(response.StatusCode);
            limited = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(limited!.Headers.RetryAfter);
        Assert.Equal("RESOURCE_EXHAUSTED", (await Json.ReadAsync(limited)).GetProperty("error").GetProperty("code").GetString());
        using var other = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", Tokens.For("patient", "viewer")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task FloodOfBadTokens_FromOneAddress_IsLimitedBeforeAuthentication()
    {
        var settings = GatewayHost.Settings("http://127.0.0.1:1");
        settings["Gateway:RateLimit:AddressTokenLimit"] = "3";
        settings["Gateway:RateLimit:AddressTokensPerPeriod"] = "1";
        settings["Gateway:RateLimit:ReplenishmentPeriod"] = "00:01:00";
        await using var gateway = await GatewayHost.StartAsync(settings);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", "not.a.valid-token"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        using var valid = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/v1/incidents", Tokens.For("same-address", "viewer")));
        Assert.Equal(HttpStatusCode.TooManyRequests, valid.StatusCode);
        Assert.NotNull(valid.Headers.RetryAfter);
    }

    [Fact]
    public async Task CorsPreflight_FromConfiguredPortal_IsAllowed()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings("http://127.0.0.1:1"));

        using var response = await gateway.Http.SendAsync(Preflight("https://portal.credir.test"));

        Assert.Equal("https://portal.credir.test", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task CorsPreflight_FromAnotherOrigin_GetsNoAllowOrigin()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings("http://127.0.0.1:1"));

        using var response = await gateway.Http.SendAsync(Preflight("https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = GatewayHost.Request(HttpMethod.Options, "/v1/incidents");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
