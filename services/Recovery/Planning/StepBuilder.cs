using System.Text.Json.Nodes;
using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>
/// The steps of one item, with ids derived from the item and the step's position and action, so the same plan
/// made twice has the same ids and a journal can tell a replayed step from a new one.
/// </summary>
internal sealed class StepBuilder(string itemId, ResourceRef target)
{
    private readonly List<PlanStep> _steps = [];

    public IReadOnlyList<PlanStep> Steps => _steps;

    public StepBuilder Add(string action, string description, JsonObject? parameters = null, bool reversible = true, ResourceRef? on = null)
    {
        var step = new PlanStep
        {
            StepId = $"{itemId}#{_steps.Count + 1}:{action}",
            Action = action,
            Target = on ?? target,
            Description = description,
            Reversible = reversible,
            Status = StepStatus.Planned,
            ParametersJson = (parameters ?? []).ToJsonString(),
        };
        if (_steps.Count > 0)
        {
            step.DependsOn.Add(_steps[^1].StepId);
        }

        _steps.Add(step);
        return this;
    }

    /// <summary>A task for a person: the exact steps, in order.</summary>
    public StepBuilder Manual(string description, params string[] instructions) =>
        Add(RecoveryActions.Manual, description, new JsonObject { ["instructions"] = new JsonArray([.. instructions.Select(i => (JsonNode)i)]) }, reversible: false);
}
