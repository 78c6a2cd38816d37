using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Tests.Planning;

public sealed class GuardRailPlanTests
{
    [Fact]
    public async Task ProtectedPrincipal_StepsAreSkippedWithTheConfiguredReason()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak", settings: new Dictionary<string, string?>
        {
            ["Containment:ProtectedPrincipals:0:Pattern"] = "arn:aws:iam::111122223333:user/ci-*",
            ["Containment:ProtectedPrincipals:0:Reason"] = "the release pipeline; contain by rotating in the CI system",
        });

        var plan = await h.PlanAsync("inc-7", null, Cred.Key("AKIA4CIDEPLOYLEAKED5"), Cred.User("111122223333", "backup-svc"));

        var ci = plan.Steps.Where(s => s.Target.Id == "ci-deployer").ToList();
        Assert.NotEmpty(ci);
        Assert.All(ci, s =>
        {
            Assert.Equal(StepStatus.Skipped, s.Status);
            Assert.Contains("the release pipeline", s.RefusedReason, StringComparison.Ordinal);
        });
        Assert.All(plan.Steps.Where(s => s.Target.Id == "backup-svc"), s => Assert.NotEqual(StepStatus.Skipped, s.Status));
    }

    [Fact]
    public async Task PlanEditedToUnskipAProtectedStep_IsStillRefusedAtExecution()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak", settings: new Dictionary<string, string?>
        {
            ["Containment:ProtectedPrincipals:0:Pattern"] = "arn:aws:iam::111122223333:user/ci-deployer",
            ["Containment:ProtectedPrincipals:0:Reason"] = "break-glass",
        });
        var plan = await h.PlanAsync("inc-7", null, Cred.Key("AKIA4CIDEPLOYLEAKED5"));
        foreach (var step in plan.Steps)
        {
            step.Status = StepStatus.Planned;
            step.RefusedReason = string.Empty;
        }

        var results = await h.ExecuteAsync(plan);

        Assert.All(results, r => Assert.Equal((StepStatus.Skipped, true), (r.Status, r.RefusedReason.Contains("break-glass", StringComparison.Ordinal))));
        Assert.NotNull(h.Sandbox.Credentials("ci-deployer"));
    }

    [Fact]
    public async Task ResponderOwnUser_IsNeverContained()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak", s => s.Credentials("bob"));

        var plan = await h.PlanAsync("inc-7", new ContainmentOptions { DenyAll = true }, Cred.User("111122223333", "bob"));

        Assert.All(plan.Steps.Where(s => s.Status != StepStatus.Manual), s =>
        {
            Assert.Equal(StepStatus.Skipped, s.Status);
            Assert.Contains("responder's own identity", s.RefusedReason, StringComparison.Ordinal);
        });
    }
}
