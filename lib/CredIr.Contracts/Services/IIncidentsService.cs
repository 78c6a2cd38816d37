using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Contracts.Services;

/// <summary>
/// The contract of credir.v1.Incidents (protos/credir/v1/incidents.proto): implemented in-process by the
/// service, or called over the wire through <c>GrpcChannel.CreateClient&lt;IIncidentsService&gt;()</c>.
/// </summary>
[GrpcService("credir.v1.Incidents", typeof(IncidentsReflection))]
public interface IIncidentsService
{
    /// <summary>Opens an incident from any Identification input. Idempotent by request_id.</summary>
    Task<Incident> OpenIncidentAsync(OpenIncidentRequest request, CallContext context);

    Task<Incident> GetIncidentAsync(GetIncidentRequest request, CallContext context);

    Task<ListIncidentsResponse> ListIncidentsAsync(ListIncidentsRequest request, CallContext context);

    /// <summary>Every change to the incident from a version on (0: the current state first), until cancelled.</summary>
    IAsyncEnumerable<IncidentChange> WatchIncidentAsync(WatchIncidentRequest request, CallContext context);

    /// <summary>Runs the playbook automatically up to the next approval (or to the end with auto-approval).</summary>
    Task<Incident> AdvanceAsync(AdvanceRequest request, CallContext context);

    Task<Incident> ApproveAsync(DecideRequest request, CallContext context);

    Task<Incident> RejectAsync(DecideRequest request, CallContext context);

    Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, CallContext context);

    Task<Incident> AddNoteAsync(AddNoteRequest request, CallContext context);

    Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, CallContext context);

    Task<Incident> CloseIncidentAsync(CloseIncidentRequest request, CallContext context);

    IAsyncEnumerable<EvidenceEntry> ExportEvidenceAsync(ExportEvidenceRequest request, CallContext context);

    Task<VerifyEvidenceResponse> VerifyEvidenceAsync(VerifyEvidenceRequest request, CallContext context);

    Task<Report> GetReportAsync(GetReportRequest request, CallContext context);
}
