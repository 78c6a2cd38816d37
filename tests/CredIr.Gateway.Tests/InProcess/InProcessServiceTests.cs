using System.Net;
using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;
using Grpc.Core;

namespace CredIr.Gateway.Tests.InProcess;

/// <summary>
/// The coordinator registered in the gateway's own host with no address configured: served there,
/// no backend process, authentication and roles as for a forwarded call.
/// </summary>
public sealed class InProcessServiceTests : IAsyncLifetime
{
    private readonly string _folder = IncidentsBackend.NewFolder();
    private GatewayHost? _gateway;

    private GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var settings = GatewayHost.Settings();
        foreach (var (key, value) in IncidentsBackend.Settings(_folder))
        {
            settings[key] = value;
        }

        _gateway = await GatewayHost.StartAsync(settings, configure: IncidentsBackend.AddIncidents);
    }

    [Fact]
    public async Task GrpcOpen_WithNoBackendAddress_IsHeldByTheGatewaysOwnCoordinator()
    {
        var opened = await new CredIr.Contracts.V1.Incidents.IncidentsClient(Gateway.Channel).OpenIncidentAsync(
            new OpenIncidentRequest { RequestId = "in-process", Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" } },
            Approvals.As("rita", "responder"));

        var held = await Gateway.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>()
            .GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions(cancellationToken: CancellationToken.None));
        Assert.Equal("rita", held.OpenedBy);
    }

    [Fact]
    public async Task GrpcApprove_InProcess_RecordsTheTokenSubjects()
    {
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(Gateway.Channel);
        var (incidentId, approvalId) = await Approvals.PendingAsync(client, "in-process-grpc");

        var decided = await client.ApproveAsync(new DecideRequest { IncidentId = incidentId, ApprovalId = approvalId }, Approvals.As("alan", "approver"));

        var approval = decided.Approvals.Single(a => a.ApprovalId == approvalId);
        Assert.Equal(("alan", "rita"), (approval.DecidedBy, approval.RequestedBy));
    }

    [Fact]
    public async Task RestApprove_InProcess_RecordsTheTokenSubject()
    {
        var (incidentId, approvalId) = await Approvals.PendingAsync(new CredIr.Contracts.V1.Incidents.IncidentsClient(Gateway.Channel), "in-process-rest");

        using var response = await Gateway.Http.SendAsync(GatewayHost.Request(
            HttpMethod.Post, $"/v1/incidents/{incidentId}/approvals/{approvalId}:approve", Tokens.For("alan", "approver"), "{}"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var approvals = (await Json.ReadAsync(response)).GetProperty("approvals").EnumerateArray();
        Assert.Contains(approvals, a => a.GetProperty("approvalId").GetString() == approvalId && a.GetProperty("decidedBy").GetString() == "alan");
    }

    [Fact]
    public async Task GrpcCall_InProcessWithoutToken_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(Gateway.Channel)
            .GetIncidentAsync(new GetIncidentRequest { IncidentId = "any" }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
