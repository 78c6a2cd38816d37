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
    private readonly IGrainFactory _grains;
    private readonly IIncidentStore _store;
    private readonly Evidence.EvidenceLog _evidence;
    private readonly TimeProvider _time;
    private readonly TimeSpan _advanceCallWait;

    internal IncidentsService(IGrainFactory grains, IIncidentStore store, Evidence.EvidenceLog evidence, TimeProvider time, TimeSpan advanceCallWait)
    {
        _grains = grains;
        _store = store;
        _evidence = evidence;
        _time = time;
        _advanceCallWait = advanceCallWait;
    }

    public Task<Incident> OpenIncidentAsync(OpenIncidentRequest request, CallContext context) =>
        Guard(() => OpenAsync(request, context));

    public Task<Incident> GetIncidentAsync(GetIncidentRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).GetAsync(context.CancellationToken), repeatable: true, context.CancellationToken));

    public Task<ListIncidentsResponse> ListIncidentsAsync(ListIncidentsRequest request, CallContext context) =>
        Guard(async () =>
        {
            var page = await _store.ListAsync(new IncidentQuery(request.Phases, request.PageSize, request.PageToken), context.CancellationToken);
            return new ListIncidentsResponse { Incidents = { page.Incidents }, NextPageToken = page.NextPageToken ?? string.Empty };
        });

    public IAsyncEnumerable<IncidentChange> WatchIncidentAsync(WatchIncidentRequest request, CallContext context) =>
        GuardStream(WatchAsync(request.IncidentId, request.FromVersion, context.CancellationToken));

    public Task<Incident> AdvanceAsync(AdvanceRequest request, CallContext context) =>
        Guard(() => AdvanceAsync(request.IncidentId, Actor(context), context.CancellationToken));

    public Task<Incident> ApproveAsync(DecideRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).DecideAsync(request, approve: true, context.Caller ?? string.Empty, context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

    public Task<Incident> RejectAsync(DecideRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).DecideAsync(request, approve: false, context.Caller ?? string.Empty, context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).SetCompromiseTimeAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

    public Task<Incident> AddNoteAsync(AddNoteRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).AddNoteAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).CompleteCommunicationAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

    public Task<Incident> CloseIncidentAsync(CloseIncidentRequest request, CallContext context) =>
        Guard(() => Retry(() => Grain(request.IncidentId).CloseAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken));

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

    private Task<T> Retry<T>(Func<Task<T>> call, bool repeatable, CancellationToken cancellationToken) =>
        ClusterRetry.CallAsync(call, repeatable, _time, cancellationToken);

    private IIncidentGrain Grain(string incidentId)
    {
        if (string.IsNullOrWhiteSpace(incidentId))
        {
            throw new RpcException(StatusCode.InvalidArgument, "incident_id is required.");
        }

        return _grains.GetGrain<IIncidentGrain>(incidentId);
    }

    private static string Actor(CallContext context) => context.Caller ?? "anonymous";
}
