using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Gateway.Auth;
using CredIr.Grpc;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// The Incidents service as a deployment behind the gateway runs it: the caller taken from
/// x-credir-caller only when the gateway's shared key comes with it.
/// </summary>
internal sealed class TrustingIncidents(IIncidentsService inner, string callerKey) : IIncidentsService
{
    private CallContext Trust(CallContext context)
    {
        context.Caller = GatewayCaller.Resolve(context.RequestHeaders, callerKey);
        return context;
    }

    public Task<Incident> OpenIncidentAsync(OpenIncidentRequest request, CallContext context) => inner.OpenIncidentAsync(request, Trust(context));

    public Task<Incident> GetIncidentAsync(GetIncidentRequest request, CallContext context) => inner.GetIncidentAsync(request, Trust(context));

    public Task<ListIncidentsResponse> ListIncidentsAsync(ListIncidentsRequest request, CallContext context) => inner.ListIncidentsAsync(request, Trust(context));

    public IAsyncEnumerable<IncidentChange> WatchIncidentAsync(WatchIncidentRequest request, CallContext context) => inner.WatchIncidentAsync(request, Trust(context));

    public Task<Incident> AdvanceAsync(AdvanceRequest request, CallContext context) => inner.AdvanceAsync(request, Trust(context));

    public Task<Incident> ApproveAsync(DecideRequest request, CallContext context) => inner.ApproveAsync(request, Trust(context));

    public Task<Incident> RejectAsync(DecideRequest request, CallContext context) => inner.RejectAsync(request, Trust(context));

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, CallContext context) => inner.SetCompromiseTimeAsync(request, Trust(context));

    public Task<Incident> AddNoteAsync(AddNoteRequest request, CallContext context) => inner.AddNoteAsync(request, Trust(context));

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, CallContext context) => inner.CompleteCommunicationAsync(request, Trust(context));

    public Task<Incident> CloseIncidentAsync(CloseIncidentRequest request, CallContext context) => inner.CloseIncidentAsync(request, Trust(context));

    public IAsyncEnumerable<EvidenceEntry> ExportEvidenceAsync(ExportEvidenceRequest request, CallContext context) => inner.ExportEvidenceAsync(request, Trust(context));

    public Task<VerifyEvidenceResponse> VerifyEvidenceAsync(VerifyEvidenceRequest request, CallContext context) => inner.VerifyEvidenceAsync(request, Trust(context));

    public Task<Report> GetReportAsync(GetReportRequest request, CallContext context) => inner.GetReportAsync(request, Trust(context));
}
