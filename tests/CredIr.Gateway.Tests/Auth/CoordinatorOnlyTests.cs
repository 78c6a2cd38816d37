using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Auth;

/// <summary>
/// The phase services' Execute and Rollback change the cloud under an approval: only the coordinator
/// calls them, so the gateway offers them to no role, and the sandbox's IAM is left as it was.
/// </summary>
public sealed class CoordinatorOnlyTests : IAsyncLifetime
{
    private ContainmentBackend? _containment;
    private GatewayHost? _gateway;

    private ContainmentBackend Containment => _containment ?? throw new InvalidOperationException("not started");

    private GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _containment = await ContainmentBackend.StartAsync();
        var settings = GatewayHost.Settings();
        settings["Gateway:Services:Containment:Addresses:0"] = _containment.Address;
        _gateway = await GatewayHost.StartAsync(settings);
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("approver")]
    public async Task ExecuteContainmentThroughGateway_AnyRole_IsPermissionDeniedAndTheKeyStaysActive(string role)
    {
        var client = new CredIr.Contracts.V1.Containment.ContainmentClient(Gateway.Channel);
        var request = new PlanContainmentRequest { IncidentId = "inc-gateway" };
        request.Credentials.Add(new Credential { AccessKeyId = ContainmentBackend.LeakedKey });
        var plan = await client.PlanContainmentAsync(request, Approvals.As("rita", "responder"));
        var approval = new ApprovalToken { ApprovalId = "appr-" + plan.PlanId, PlanId = plan.PlanId, ApprovedBy = "alan" };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = client.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-gateway", Plan = plan, Approval = approval }, Approvals.As("alan", role));
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("only the incident coordinator", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await Containment.LeakedKeyStatusAsync());
    }

    [Fact]
    public async Task RollbackContainmentThroughGateway_Approver_IsPermissionDenied()
    {
        var client = new CredIr.Contracts.V1.Containment.ContainmentClient(Gateway.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = client.RollbackContainment(new RollbackRequest { IncidentId = "inc-gateway" }, Approvals.As("alan", "approver"));
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_containment is not null)
        {
            await _containment.DisposeAsync();
        }
    }
}
