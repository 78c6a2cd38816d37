using CredIr.Contracts.V1;

namespace CredIr.Eradication.Execution;

/// <summary>
/// Carries out one eradication step idempotently: each action reads the resource's current state first
/// (already gone: ALREADY_DONE with no write), records it, then makes the one call that removes it.
/// Actions without an automated executor come back MANUAL with the plan's own description.
/// </summary>
internal sealed partial class StepRunner
{
    private readonly Dictionary<string, Func<StepContext, CancellationToken, Task<StepOutcome>>> _actions = new(StringComparer.Ordinal);

    public StepRunner()
    {
        AddUserActions();
        AddUserCredentialActions();
        AddRoleActions();
        AddPolicyActions();
        AddComputeActions();
        AddEc2CleanupActions();
        AddStorageActions();
    }

    public bool CanRun(string action) => _actions.ContainsKey(action);

    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct) =>
        _actions.TryGetValue(context.Step.Action, out var run)
            ? run(context, ct)
            : Task.FromResult(new StepOutcome(StepStatus.Manual, $"No automated executor for {context.Step.Action}: {context.Step.Description}"));
}
