using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

/// <summary>
/// One row of the action journal. <see cref="Sequence"/> is assigned by the store; a step has at
/// most one intent and one result.
/// </summary>
internal sealed record JournalRecord(
    string IncidentId,
    string StepId,
    string PlanId,
    JournalKind Kind,
    StepStatus Status,
    DateTimeOffset At,
    string PayloadJson)
{
    public long Sequence { get; init; }
}
