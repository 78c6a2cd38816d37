
namespace CredIr.Incidents.Phases;

/// <summary>
/// The phase services the coordinator drives: in-process implementations when hosted together,
/// gRPC clients when separate. A phase without one stops the incident there with a clear reason.
/// </summary>
internal sealed record PhaseServices(
    Contracts.V1.Identification.IdentificationClient? Identification,
    Contracts.V1.Containment.ContainmentClient? Containment,
    Contracts.V1.Eradication.EradicationClient? Eradication,
    Contracts.V1.Recovery.RecoveryClient? Recovery);
