using CredIr.Contracts.Plans;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Tests.Execution;

public sealed class StepOrderTests
{
    [Fact]
    public void StepListedBeforeItsDependency_RunsAfterIt_OthersKeepThePlanOrder()
    {
        var steps = new[] { Step("deny-all", "revoke"), Step("key"), Step("revoke") };

        var ordered = PlanStepOrder.Sort(steps, []);

        Assert.Equal(["revoke", "deny-all", "key"], ordered.Select(s => s.StepId));
    }

    [Fact]
    public void OnlySomeStepIds_RunsThoseInDependencyOrder()
    {
        var ordered = PlanStepOrder.Sort([Step("deny-all", "revoke"), Step("key"), Step("revoke")], ["key", "deny-all"]);

        Assert.Equal(["deny-all", "key"], ordered.Select(s => s.StepId));
    }

    [Fact]
    public void UnknownStepIdOrCycle_InvalidArgument()
    {
        var unknown = Assert.Throws<RpcException>(() => PlanStepOrder.Sort([Step("key")], ["nope"]));
        var cycle = Assert.Throws<RpcException>(() => PlanStepOrder.Sort([Step("a", "b"), Step("b", "a")], []));

        Assert.Equal((StatusCode.InvalidArgument, "step_ids: step nope is not in the plan."), (unknown.StatusCode, unknown.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, cycle.StatusCode);
    }

    private static PlanStep Step(string id, params string[] dependsOn)
    {
        var step = new PlanStep { StepId = id };
        step.DependsOn.AddRange(dependsOn);
        return step;
    }
}
