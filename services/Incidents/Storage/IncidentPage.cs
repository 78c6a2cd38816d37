using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

/// <summary>One page of a listing; <see cref="NextPageToken"/> is null on the last page.</summary>
internal sealed record IncidentPage(IReadOnlyList<Incident> Incidents, string? NextPageToken);
