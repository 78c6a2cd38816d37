namespace CredIr.Incidents.Grains;

/// <summary>Runs the playbook for an incident from its current phase up to the next approval or the end.</summary>
internal interface IPlaybookDriver
{
    Task AdvanceAsync(IIncidentSession session, string actor, CancellationToken cancellationToken);
}
