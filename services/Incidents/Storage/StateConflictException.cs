namespace CredIr.Incidents.Storage;

/// <summary>A write presented a stale ETag: another activation (or process) wrote first.</summary>
internal sealed class StateConflictException : Exception
{
    public StateConflictException(string incidentId)
        : base($"Incident {incidentId} was changed by another writer.")
    {
        IncidentId = incidentId;
    }

    public StateConflictException()
        : this(string.Empty)
    {
    }

    public StateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        IncidentId = string.Empty;
    }

    public string IncidentId { get; }
}
