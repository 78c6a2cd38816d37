using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

/// <summary>An incident document as stored, with the ETag its next write must present.</summary>
internal sealed record StoredIncident(Incident State, string ETag);
