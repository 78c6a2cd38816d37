using Grpc.Core;
using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Grpc;

/// <summary>The caller the gateway authenticated is the one the coordinator records, in another process.</summary>
public sealed class ApprovalCallerTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Approve_ThroughTheGateway_RecordsTheTokenSubjects()
    {
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(fixture.Gateway.Channel);
        var (incidentId, approvalId) = await Approvals.PendingAsync(client, "approval-remote");

        var decided = await client.ApproveAsync(new DecideRequest { IncidentId = incidentId, ApprovalId = approvalId, Reason = "checked" }, Approvals.As("alan", "approver"));

        var approval = decided.Approvals.Single(a => a.ApprovalId == approvalId);
        Assert.Equal(ApprovalDecision.Approved, approval.Decision);
        Assert.Equal("alan", approval.DecidedBy);
        Assert.Equal("rita", approval.RequestedBy);
    }

    [Fact]
    public async Task SelfApproval_ThroughTheGateway_IsRefusedByTheTwoPersonRule()
    {
        var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(fixture.Gateway.Channel);
        var (incidentId, approvalId) = await Approvals.PendingAsync(client, "approval-self");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.ApproveAsync(new DecideRequest { IncidentId = incidentId, ApprovalId = approvalId }, Approvals.As("rita", "approver")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
