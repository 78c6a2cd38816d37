using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// multi-account-org with the responder refused iam:DeleteAccessKey (an explicit deny on its own user): that step fails,
/// the user it belongs to is never attempted, and everything independent of it still runs, in both accounts.
/// </summary>
public sealed class FailureIsolationTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("multi-account-org");
        await _org.Admin.Iam.PutUserPolicyAsync(new PutUserPolicyRequest("sandbox-admin", "no-key-deletes",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:DeleteAccessKey","Resource":"*"}]}"""));
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task PrerequisiteFails_ItsDependentsAreNotRun_IndependentStepsGoOn()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(5)));
        var recorded = _org.Sandbox.Trail.All().Count;

        var results = (await _org.ExecuteAsync(await _org.ApprovedAsync(plan))).ToDictionary(r => r.Action + " " + r.Target.Id);

        var key = results["iam:DeleteAccessKey AKIA6SVCMAINTPERSIS7"];
        Assert.Equal(StepStatus.Failed, key.Status);
        Assert.Contains("AccessDenied", key.ResultMessage, StringComparison.Ordinal);
        var user = results["iam:DeleteUser svc-maint"];
        Assert.Equal(StepStatus.Failed, user.Status);
        Assert.Equal($"Not run: it depends on step {key.StepId}, which failed.", user.ResultMessage);
        Assert.DoesNotContain(_org.Sandbox.Trail.All().Skip(recorded), e => e.EventName == "DeleteUser");
        Assert.Equal(StepStatus.Succeeded, results["iam:DetachUserPolicy svc-maint"].Status);
        Assert.Equal(StepStatus.Succeeded, results["lambda:DeleteFunction log-forwarder"].Status);
        Assert.Equal(StepStatus.Succeeded, results.Values.Single(r => r.Action == "ec2:TerminateInstances").Status);
        Assert.Equal("svc-maint", (await _org.Admin.Iam.GetUserAsync(new GetUserRequest("svc-maint"))).User.UserName);
    }
}
