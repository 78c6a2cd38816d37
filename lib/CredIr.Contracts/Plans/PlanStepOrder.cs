using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Contracts.Plans;

/// <summary>Orders a plan's steps so each follows the steps it depends on, otherwise keeping the plan's order.</summary>
public static class PlanStepOrder
{
    /// <summary>The steps (only those named in <paramref name="only"/> when it is not empty) in dependency order; INVALID_ARGUMENT for duplicate or unknown ids and cycles.</summary>
    /// <param name="steps">The plan's steps.</param>
    /// <param name="only">Step ids to keep (all when empty).</param>
    public static IReadOnlyList<PlanStep> Sort(IReadOnlyList<PlanStep> steps, IReadOnlyCollection<string> only)
    {
        var byId = new Dictionary<string, PlanStep>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (string.IsNullOrEmpty(step.StepId) || !byId.TryAdd(step.StepId, step))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"plan.steps: step id '{step.StepId}' is empty or appears twice."));
            }
        }

        foreach (var id in only.Where(id => !byId.ContainsKey(id)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"step_ids: step {id} is not in the plan."));
        }

        var ordered = new List<PlanStep>(steps.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            Visit(step, byId, state, ordered);
        }

        return only.Count == 0 ? ordered : ordered.Where(s => only.Contains(s.StepId)).ToList();
    }

    private static void Visit(PlanStep step, Dictionary<string, PlanStep> byId, Dictionary<string, bool> state, List<PlanStep> ordered)
    {
        if (state.TryGetValue(step.StepId, out var done))
        {
            if (!done)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"plan.steps: step {step.StepId} depends on itself through depends_on."));
            }

            return;
        }

        state[step.StepId] = false;
        foreach (var dependency in step.DependsOn)
        {
            if (byId.TryGetValue(dependency, out var before))
            {
                Visit(before, byId, state, ordered);
            }
        }

        state[step.StepId] = true;
        ordered.Add(step);
    }
}
