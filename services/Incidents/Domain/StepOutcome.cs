using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>
/// What a journaled step ended with. <see cref="Ran"/> is false when the result was already in the
/// journal (the action was not called); <see cref="Resumed"/> when an intent without a result was found.
/// </summary>
internal sealed record StepOutcome(StepStatus Status, string Message, string PayloadJson)
{
    public bool Ran { get; init; }

    public bool Resumed { get; init; }
}
