namespace CredIr.Recovery.Cmdb;

/// <summary>Records in the CMDB what recovery changed (used by recovery after each change, and by the coordinator and report).</summary>
public interface ICmdbUpdater
{
    /// <summary>Adds the change unless one with the same incident and step id is already recorded.</summary>
    Task RecordAsync(CmdbChange change, CancellationToken cancellationToken);

    /// <summary>Every change recorded, oldest first; only an incident's when <paramref name="incidentId"/> is given.</summary>
    Task<IReadOnlyList<CmdbChange>> ReadAsync(string? incidentId, CancellationToken cancellationToken);
}
