using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Grpc;

/// <summary>Routes and clusters written in YARP's own ReverseProxy section, beside (here: instead of) Gateway:Services.</summary>
public sealed class ReverseProxySectionTests
{
    [Fact]
    public async Task RouteFromReverseProxySection_ReachesTheBackend_AsTheTokenSubject()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings();
        settings["ReverseProxy:Routes:incidents:ClusterId"] = "incidents";
        settings["ReverseProxy:Routes:incidents:Order"] = "-1";
        settings["ReverseProxy:Routes:incidents:Match:Path"] = "/credir.v1.Incidents/{method}";
        settings["ReverseProxy:Clusters:incidents:HttpRequest:Version"] = "2";
        settings["ReverseProxy:Clusters:incidents:HttpRequest:VersionPolicy"] = "RequestVersionExact";
        settings["ReverseProxy:Clusters:incidents:Destinations:one:Address"] = backend.Address;
        await using var gateway = await GatewayHost.StartAsync(settings);

        var incident = await new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel).OpenIncidentAsync(
            new OpenIncidentRequest { RequestId = "yarp-section", Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" } },
            Approvals.As("rita", "responder"));

        Assert.Equal("rita", incident.OpenedBy);
    }

    [Fact]
    public async Task ReverseProxyRouteNamingNoRpc_IsRefused_NotOpen()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings();
        settings["ReverseProxy:Routes:plain:ClusterId"] = "plain";
        settings["ReverseProxy:Routes:plain:Match:Path"] = "/plain/{**rest}";
        settings["ReverseProxy:Clusters:plain:HttpRequest:Version"] = "2";
        settings["ReverseProxy:Clusters:plain:HttpRequest:VersionPolicy"] = "RequestVersionExact";
        settings["ReverseProxy:Clusters:plain:Destinations:one:Address"] = backend.Address;
        await using var gateway = await GatewayHost.StartAsync(settings);

        using var response = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Get, "/plain/anything", Tokens.For("alan", "approver")));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("names no rpc", (await Json.ReadAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
