using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Service;

/// <summary>
/// credir.v1.Incidents: routes each call to the incident's grain, lists from the store, streams
/// changes and evidence. Refusals come out as RpcExceptions with the status that fits.
/// </summary>
public sealed partial class IncidentsService : IIncidentsService
{
    private readonly IIncidentGrainFactory _grains;
    private readonly IIncidentStore _store;
    private readonly Evidence.EvidenceLog _evidence;
    private readonly TimeProvider _time;

    internal IncidentsService(IIncidentGrainFactory grains, IIncidentStore store, Evidence.EvidenceLog evidence, TimeProvider time)
    {
        _grains = grains;
        _store = store;
        _evidence = evidence;
        _time = time;
    }

    public Task<Incident> OpenIncidentAsync(OpenIncidentRequest request, CallContext context) =>
        Guard(() => OpenAsync(request, context));

    public Task<Incident> GetIncidentAsync(GetIncidentRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).GetAsync(context.CancellationToken));

    public Task<ListIncidentsResponse> ListIncidentsAsync(ListIncidentsRequest request, CallContext context) =>
        Guard(async () =>
        {
            var page = await _store.ListAsync(new IncidentQuery(request.Phases, request.PageSize, request.PageToken), context.CancellationToken);
            return new ListIncidentsResponse { Incidents = { page.Incidents }, NextPageToken = page.NextPageToken ?? string.Empty };
        });

    public IAsyncEnumerable<IncidentChange> WatchIncidentAsync(WatchIncidentRequest request, CallContext context) =>
        GuardStream(Grain(request.IncidentId).WatchAsync(request.FromVersion, context.CancellationToken));

    public Task<Incident> AdvanceAsync(AdvanceRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).AdvanceAsync(request, Actor(context), context.CancellationToken));

    public Task<Incident> ApproveAsync(DecideRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).DecideAsync(request, approve: true, context.Caller ?? string.Empty, context.CancellationToken));

    public Task<Incident> RejectAsync(DecideRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).DecideAsync(request, approve: false, context.Caller ?? string.Empty, context.CancellationToken));

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).SetCompromiseTimeAsync(request, Actor(context), context.CancellationToken));

    public Task<Incident> AddNoteAsync(AddNoteRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).AddNoteAsync(request, Actor(context), context.CancellationToken));

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).CompleteCommunicationAsync(request, Actor(context), context.CancellationToken));

    public Task<Incident> CloseIncidentAsync(CloseIncidentRequest request, CallContext context) =>
        Guard(() => Grain(request.IncidentId).CloseAsync(request, Actor(context), context.CancellationToken));

    public IAsyncEnumerable<EvidenceEntry> ExportEvidenceAsync(ExportEvidenceRequest request, CallContext context) =>
        GuardStream(ExportAsync(request.IncidentId, context.CancellationToken));

    public Task<VerifyEvidenceResponse> VerifyEvidenceAsync(VerifyEvidenceRequest request, CallContext context) =>
        Guard(async () =>
        {
            await Grain(request.IncidentId).GetAsync(context.CancellationToken);
            var result = await _evidence.VerifyAsync(request.IncidentId, context.CancellationToken);
            return new VerifyEvidenceResponse
            {
                Intact = result.Intact,
                Entries = result.Entries,
                FirstBadSequence = result.FirstBadSequence,
                Message = result.Message,
                HeadHash = result.HeadHash,
            };
        });

    public Task<Report> GetReportAsync(GetReportRequest request, CallContext context) =>
        Guard(() => ReportAsync(request, context.CancellationToken));

    private IIncidentGrain Grain(string incidentId)
    {
        if (string.IsNullOrWhiteSpace(incidentId))
        {
            throw new RpcException(StatusCode.InvalidArgument, "incident_id is required.");
        }

        return _grains.GetGrain(incidentId);
    }

    private static string Actor(CallContext context) => context.Caller ?? "anonymous";
}
