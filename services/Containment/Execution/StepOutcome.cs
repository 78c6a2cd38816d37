using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>What a step did: its status, a sentence for the responder, and the state before any change.</summary>
internal sealed record StepOutcome(StepStatus Status, string Message, PriorState? Prior = null);
