using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>A phase change the state machine does not allow from the current phase.</summary>
public sealed class IllegalTransitionException(Phase from, Phase to, string requirement)
    : IncidentException(
        IncidentErrorKind.FailedPrecondition,
        $"Cannot move from {PhaseNames.Of(from)} to {PhaseNames.Of(to)}: {requirement}")
{
    public Phase From { get; } = from;

    public Phase To { get; } = to;
}
