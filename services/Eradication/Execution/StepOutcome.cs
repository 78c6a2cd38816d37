using CredIr.Contracts.V1;

namespace CredIr.Eradication.Execution;

/// <summary>What a step did: its status, a sentence for the responder, and the state it found before any change.</summary>
internal sealed record StepOutcome(StepStatus Status, string Message, PriorState? Prior = null)
{
    public static StepOutcome Done(string message, PriorState prior) => new(StepStatus.Succeeded, message, prior);

    public static StepOutcome AlreadyDone(string message, PriorState? prior = null) => new(StepStatus.AlreadyDone, message, prior);
}
