using System.Net;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Auth;

public sealed class DevelopmentModeTests
{
    private static Dictionary<string, string?> DevelopmentSettings(string backend)
    {
        var settings = GatewayHost.Settings(backend);
        settings.Remove("Gateway:Auth:Issuer");
        settings.Remove("Gateway:Auth:Audience");
        settings.Remove("Gateway:Auth:SigningKey");
        settings["Gateway:Auth:DevelopmentMode"] = "true";
        return settings;
    }

    [Fact]
    public async Task DevelopmentMode_OnAllInterfaces_RefusesToStartSayingWhy()
    {
        await using var app = GatewayHost.Build(DevelopmentSettings("http://127.0.0.1:1"), "http://0.0.0.0:0");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("DevelopmentMode", error.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentMode_OnLoopback_ServesWithoutTokenAsTheDevelopmentCaller()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(DevelopmentSettings(backend.Address));

        using var response = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", json: Json.OpenBody("dev-open", "demo")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("developer", (await Json.ReadAsync(response)).GetProperty("openedBy").GetString());
    }

    [Fact]
    public async Task MissingSigningKey_OutsideDevelopmentMode_FailsAtStartNamingTheKey()
    {
        var settings = GatewayHost.Settings("http://127.0.0.1:1");
        settings.Remove("Gateway:Auth:SigningKey");
        await using var app = GatewayHost.Build(settings, "http://127.0.0.1:0");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Gateway:Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
