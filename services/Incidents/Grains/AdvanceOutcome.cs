using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

/// <summary>The incident after an advance call, and whether its run is still going.</summary>
[GenerateSerializer, Immutable]
public sealed record AdvanceOutcome([property: Id(0)] Incident Incident, [property: Id(1)] bool Running);
