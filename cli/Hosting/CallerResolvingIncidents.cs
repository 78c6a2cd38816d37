using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Cli.Hosting;

/// <summary>The coordinator behind <c>credir serve</c>, with each call's caller resolved first (<see cref="CallerResolution"/>).</summary>
internal sealed class CallerResolvingIncidents(IIncidentsService inner, CallerResolution resolution) : IIncidentsService
{
    public Task<Incident> OpenIncidentAsync(OpenIncidentRequest request, CallContext context) => inner.OpenIncidentAsync(request, With(context));

    public Task<Incident> GetIncidentAsync(GetIncidentRequest request, CallContext context) => inner.GetIncidentAsync(request, With(context));

    public Task<ListIncidentsResponse> ListIncidentsAsync(ListIncidentsRequest request, CallContext context) => inner.ListIncidentsAsync(request, With(context));

    public IAsyncEnumerable<IncidentChange> WatchIncidentAsync(WatchIncidentRequest request, CallContext context) => inner.WatchIncidentAsync(request, With(context));

    public Task<Incident> AdvanceAsync(AdvanceRequest request, CallContext context) => inner.AdvanceAsync(request, With(context));

    public Task<Incident> ApproveAsync(DecideRequest request, CallContext context) => inner.ApproveAsync(request, With(context));

    public Task<Incident> RejectAsync(DecideRequest request, CallContext context) => inner.RejectAsync(request, With(context));

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, CallContext context) => inner.SetCompromiseTimeAsync(request, With(context));

    public Task<Incident> AddNoteAsync(AddNoteRequest request, CallContext context) => inner.AddNoteAsync(request, With(context));

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, CallContext context) => inner.CompleteCommunicationAsync(request, With(context));

    public Task<Incident> CloseIncidentAsync(CloseIncidentRequest request, CallContext context) => inner.CloseIncidentAsync(request, With(context));

    public IAsyncEnumerable<EvidenceEntry> ExportEvidenceAsync(ExportEvidenceRequest request, CallContext context) => inner.ExportEvidenceAsync(request, With(context));

    public Task<VerifyEvidenceResponse> VerifyEvidenceAsync(VerifyEvidenceRequest request, CallContext context) => inner.VerifyEvidenceAsync(request, With(context));

    public Task<Report> GetReportAsync(GetReportRequest request, CallContext context) => inner.GetReportAsync(request, With(context));

    private CallContext With(CallContext context)
    {
        resolution.Resolve(context);
        return context;
    }
}
