using CredIr.Contracts.V1;

namespace CredIr.Recovery.Execution;

/// <summary>What one step did: its status, a message for the responder, and the state it found before acting.</summary>
internal sealed record StepOutcome(StepStatus Status, string Message, string? PriorStateJson = null)
{
    public static StepOutcome Done(string message, string? prior = null) => new(StepStatus.Succeeded, message, prior);

    public static StepOutcome Already(string message, string? prior = null) => new(StepStatus.AlreadyDone, message, prior);
}
