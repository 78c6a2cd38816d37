using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using Grpc.Core;

namespace CredIr.Eradication.Tests.HuaweiCloud;

/// <summary>Eradication on Huawei Cloud: from the scan's events to an approved plan executed against the sandbox.</summary>
public sealed class HuaweiEradicationTests : IAsyncLifetime
{
    private HuaweiEradicationSandbox _h = null!;

    public async Task InitializeAsync() => _h = await HuaweiEradicationSandbox.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(Plan Plan, PlanEradicationRequest Request)> PlanAsync()
    {
        var updates = await _h.ScanAsync(_h.Request(TimeSpan.FromMinutes(161)));
        var request = new PlanEradicationRequest { IncidentId = "inc-hw" };
        request.Events.AddRange(updates.Where(static u => u.Event is not null).Select(static u => u.Event));
        request.Credentials.Add(_h.Request(TimeSpan.Zero).Credentials);
        request.Credentials.AddRange(updates.Where(static u => u.Credential is not null).Select(static u => u.Credential));
        return (await _h.PlanAsync(request), request);
    }

    private async Task<List<PlanStep>> ExecuteAsync(Plan plan)
    {
        var results = new List<PlanStep>();
        var request = new ExecutePlanRequest { IncidentId = "inc-hw", Plan = plan, Approval = await _h.ApproveAsync(plan) };
        await foreach (var step in _h.Eradication.ExecuteAsync(request, CancellationToken.None))
        {
            results.Add(step);
        }

        return results;
    }

    [Fact]
    public async Task ActorsUserAndAk_PlannedForDeletion_KeyFirst_AgencyTokenNamedAsNotRevocable()
    {
        var (plan, _) = await PlanAsync();

        Assert.Equal(CloudProvider.HuaweiCloud, plan.Provider);
        Assert.Equal([("huawei-iam:DeleteCredential", HuaweiEradicationSandbox.PersistenceAk), ("huawei-iam:DeleteUser", _h.Sandbox.Huawei!.UserId("ops-backup"))],
            plan.Steps.Select(static s => (s.Action, s.Target.Id)));
        Assert.Equal([plan.Steps[0].StepId], plan.Steps[1].DependsOn);
        Assert.Contains(_h.Sandbox.Huawei.Credentials("$assume-agency").AccessKeyId, Assert.Single(plan.CannotRevoke), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedPlanExecuted_UserAndAkGone_ReplayFindsThemAlreadyDone()
    {
        var (plan, _) = await PlanAsync();
        var persistence = _h.Sandbox.Huawei!.Credentials("$create-key");
        var user = _h.Sandbox.Huawei.UserId("ops-backup");

        var results = await ExecuteAsync(plan);

        Assert.All(results, static r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var missing = await Assert.ThrowsAsync<HuaweiCloudException>(() => _h.Access.Iam.GetUserAsync(user, CancellationToken.None));
        Assert.True(missing.IsNotFound);
        Assert.True((await Assert.ThrowsAsync<HuaweiCloudException>(() => _h.Access.Iam.GetAccessKeyAsync(persistence.AccessKeyId, CancellationToken.None))).IsNotFound);
        Assert.All(await ExecuteAsync(plan), static r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
    }

    [Fact]
    public async Task PlanWithoutApproval_RefusedAndNothingDeleted()
    {
        var (plan, _) = await PlanAsync();
        var request = new ExecutePlanRequest { IncidentId = "inc-hw", Plan = plan };

        var error = await Assert.ThrowsAnyAsync<RpcException>(async () =>
        {
            await foreach (var step in _h.Eradication.ExecuteAsync(request, CancellationToken.None))
            {
                Assert.Fail($"step {step.StepId} ran without an approval");
            }
        });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.True((await _h.Access.Iam.GetUserAsync(_h.Sandbox.Huawei!.UserId("ops-backup"), CancellationToken.None)).Enabled);
    }
}
