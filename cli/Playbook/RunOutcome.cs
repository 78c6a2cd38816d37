using CredIr.Contracts.V1;

namespace CredIr.Cli.Playbook;

/// <summary>Where a playbook run ended: the incident as last seen, and why the run stopped.</summary>
internal sealed record RunOutcome(Incident Incident, RunEnd End)
{
    public bool Completed => End == RunEnd.Completed;
}
