using CredIr.Contracts.Services;

namespace CredIr.Incidents.Phases;

/// <summary>
/// The phase services the coordinator drives: in-process implementations when hosted together,
/// gRPC clients when separate. A phase without one stops the incident there with a clear reason.
/// </summary>
internal sealed record PhaseServices(
    IIdentificationService? Identification,
    IContainmentService? Containment,
    IEradicationService? Eradication,
    IRecoveryService? Recovery);
