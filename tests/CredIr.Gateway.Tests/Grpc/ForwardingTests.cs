using System.Net;
using System.Net.Sockets;
using CredIr.Contracts.V1;
using CredIr.Gateway.Auth;
using CredIr.Gateway.Tests.Support;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Grpc;

/// <summary>gRPC through the gateway with the project's own client (HTTP/2 on loopback).</summary>
public sealed class ForwardingTests
{
    private static CallOptions As(string subject, string role, Metadata? extra = null)
    {
        var headers = extra ?? new Metadata();
        headers.Add("authorization", "Bearer " + Tokens.For(subject, role));
        return new CallOptions(headers, DateTime.UtcNow.AddSeconds(10));
    }

    private static OpenIncidentRequest Open(string requestId) =>
        new() { RequestId = requestId, Title = "forwarded", Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" } };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ForgedCallerHeader_IsStripped_ServiceSeesTheTokenSubject()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings(backend.Address));
        var forged = new Metadata { { GatewayCaller.CallerHeader, "mallory" }, { GatewayCaller.KeyHeader, IncidentsBackend.CallerKey } };

        var incident = await new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel).OpenIncidentAsync(Open("forged"), As("rita", "responder", forged));

        Assert.Equal("rita", incident.OpenedBy);
    }

    // With a ServiceIdentity key the gateway proves the caller with a short-lived token for the called service, not the
    // shared caller key: here the two sides' caller keys differ, so only the token can name rita to the backend.
    [Fact]
    public async Task ServiceIdentityConfigured_GatewaySendsAServiceToken_BackendSeesTheCallerWithoutTheSharedKey()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var backend = await IncidentsBackend.StartAsync(new Dictionary<string, string?>
        {
            ["ServiceIdentity:Key"] = key,
            ["Grpc:CallerKey"] = "another-caller-key-the-gateway-does-not-hold",
        });
        var settings = GatewayHost.Settings(backend.Address);
        settings["ServiceIdentity:Key"] = key;
        await using var gateway = await GatewayHost.StartAsync(settings);

        var incident = await new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel).OpenIncidentAsync(Open("token"), As("rita", "responder"));

        Assert.Equal("rita", incident.OpenedBy);
    }

    [Fact]
    public async Task DeadBackendInstance_IsSkipped_EveryCallSucceeds()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings($"http://127.0.0.1:{ClosedPort()}", backend.Address));
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel);

        for (var i = 0; i < 6; i++)
        {
            var opened = await client.OpenIncidentAsync(Open($"dead-{i}"), As("rita", "responder"));
            var got = await client.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, As("vera", "viewer"));
            Assert.Equal(opened.IncidentId, got.IncidentId);
        }
    }

    [Fact]
    public async Task RetryableCall_InstanceGoneSinceTheLastProbe_IsAnsweredByAnother()
    {
        await using var live = await IncidentsBackend.StartAsync();
        var gone = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings(gone.Address, live.Address);
        settings["Gateway:HealthCheckInterval"] = "01:00:00";
        await using var gateway = await GatewayHost.StartAsync(settings);
        await gone.DisposeAsync();
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel);

        for (var i = 0; i < 4; i++)
        {
            var listed = await client.ListIncidentsAsync(new ListIncidentsRequest(), As("vera", "viewer"));
            Assert.Empty(listed.Incidents);
        }
    }

    [Fact]
    public async Task InstanceThatFailedOnce_IsSkippedByCallsThatCannotBeRetried()
    {
        await using var live = await IncidentsBackend.StartAsync();
        var gone = await IncidentsBackend.StartAsync();
        var settings = GatewayHost.Settings(gone.Address, live.Address);
        settings["Gateway:HealthCheckInterval"] = "01:00:00";
        await using var gateway = await GatewayHost.StartAsync(settings);
        await gone.DisposeAsync();
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel);
        for (var i = 0; i < 2; i++)
        {
            await client.ListIncidentsAsync(new ListIncidentsRequest(), As("vera", "viewer"));
        }

        for (var i = 0; i < 4; i++)
        {
            var opened = await client.OpenIncidentAsync(Open($"after-failure-{i}"), As("rita", "responder"));
            Assert.Equal("rita", opened.OpenedBy);
        }
    }

    [Fact]
    public async Task ViewerCallingApprove_IsPermissionDenied_NamingTheRole()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings(backend.Address));

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel)
            .ApproveAsync(new DecideRequest { IncidentId = "i", ApprovalId = "a" }, As("vera", "viewer")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("approver", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackendError_ReachesTheClientWithStatusAndMessage()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings(backend.Address));

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel)
            .GetIncidentAsync(new GetIncidentRequest { IncidentId = "no-such-incident" }, As("vera", "viewer")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("no-such-incident", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceNotConfigured_IsUnimplemented()
    {
        await using var backend = await IncidentsBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings(backend.Address));

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Containment.ContainmentClient(gateway.Channel)
            .PlanContainmentAsync(new PlanContainmentRequest(), As("rita", "responder")).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task AllInstancesDown_IsUnavailable()
    {
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.Settings($"http://127.0.0.1:{ClosedPort()}"));

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(gateway.Channel)
            .GetIncidentAsync(new GetIncidentRequest { IncidentId = "x" }, As("vera", "viewer")).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
