using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

/// <summary>A page of incidents, optionally only those in some phases (all when empty).</summary>
internal sealed record IncidentQuery(IReadOnlyCollection<Phase> Phases, int PageSize, string? PageToken);
