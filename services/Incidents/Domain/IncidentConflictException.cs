namespace CredIr.Incidents.Domain;

/// <summary>The incident kept changing under this call (another coordinator writing); retry the call.</summary>
public sealed class IncidentConflictException(string incidentId, int attempts)
    : IncidentException(
        IncidentErrorKind.Aborted,
        $"Incident {incidentId} was changed concurrently {attempts} times while this call ran; read it again and retry.")
{
    public string IncidentId { get; } = incidentId;
}
