namespace CredIr.Incidents.Grains;

/// <summary>Runs the playbook for an incident from its current phase up to the next approval or the end.</summary>
internal interface IPlaybookDriver
{
    Task AdvanceAsync(IIncidentSession session, string actor, CancellationToken cancellationToken);

    /// <summary>One check of the post-containment watch (a reminder's tick): records a use found, the end, or the check.</summary>
    Task CheckAfterContainmentAsync(IIncidentSession session, CancellationToken cancellationToken);
}
