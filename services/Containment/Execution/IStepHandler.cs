using CredIr.Aws;
using CredIr.Containment.Planning;

namespace CredIr.Containment.Execution;

/// <summary>
/// Carries out one kind of step idempotently: reads the current state first, records it, then
/// changes it; and restores a recorded state.
/// </summary>
internal interface IStepHandler
{
    string Action { get; }

    Task<StepOutcome> ApplyAsync(IamClient iam, StepParameters parameters, CancellationToken ct);

    Task<StepOutcome> RestoreAsync(IamClient iam, StepParameters parameters, PriorState prior, CancellationToken ct);
}
