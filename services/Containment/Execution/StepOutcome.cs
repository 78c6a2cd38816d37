using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>What a step did: its status, a sentence for the responder, and the state before any change.</summary>
internal sealed record StepOutcome(StepStatus Status, string Message, PriorState? Prior = null)
{
    /// <summary>The step as executed at <paramref name="at"/>: status, message and the state before the change.</summary>
    public PlanStep ApplyTo(PlanStep result, DateTimeOffset at)
    {
        result.Status = Status;
        result.ResultMessage = Message;
        result.ExecutedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
        // A repeat run finds the change already made: the first run's record of the state before it stays.
        if (Prior is { } prior && (Status != StepStatus.AlreadyDone || string.IsNullOrEmpty(result.PriorStateJson)))
        {
            result.PriorStateJson = prior.ToJson();
        }

        return result;
    }
}
