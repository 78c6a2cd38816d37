using CredIr.Contracts.V1;
using CredIr.Hosting;
using Grpc.Core;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Service;

/// <summary>
/// credir.v1.Incidents: routes each call to the incident's grain, lists from the store, streams
/// changes and evidence. Refusals come out, through the error interceptor (<see cref="ErrorMap"/>), as the status that fits.
/// </summary>
public sealed partial class IncidentsService : Contracts.V1.Incidents.IncidentsBase
{
    private readonly IGrainFactory _grains;
    private readonly IIncidentStore _store;
    private readonly Evidence.EvidenceLog _evidence;
    private readonly TimeProvider _time;
    private readonly TimeSpan _advanceCallWait;
    private readonly Phases.AthenaTargetCheck _athenaTargets;

    internal IncidentsService(IGrainFactory grains, IIncidentStore store, Evidence.EvidenceLog evidence, TimeProvider time, TimeSpan advanceCallWait, Phases.AthenaTargetCheck athenaTargets)
    {
        _athenaTargets = athenaTargets;
        _grains = grains;
        _store = store;
        _evidence = evidence;
        _time = time;
        _advanceCallWait = advanceCallWait;
    }

    public override Task<Incident> OpenIncident(OpenIncidentRequest request, ServerCallContext context)
    {
        IncidentsRequestValidator.Validate(request, _time.GetUtcNow());
        request = RequestKey.Keyed(nameof(OpenIncident), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return OpenAsync(request, context);
    }

    public override Task<Incident> GetIncident(GetIncidentRequest request, ServerCallContext context) =>
        Retry(() => Grain(request.IncidentId).GetAsync(context.CancellationToken), repeatable: true, context.CancellationToken);

    public override async Task<ListIncidentsResponse> ListIncidents(ListIncidentsRequest request, ServerCallContext context)
    {
        IncidentsRequestValidator.Validate(request);
        var page = await _store.ListAsync(new IncidentQuery(request.Phases, request.PageSize, request.PageToken), context.CancellationToken);
        return new ListIncidentsResponse { Incidents = { page.Incidents }, NextPageToken = page.NextPageToken ?? string.Empty };
    }

    public override async Task WatchIncident(WatchIncidentRequest request, IServerStreamWriter<IncidentChange> responseStream, ServerCallContext context)
    {
        IncidentsRequestValidator.Validate(request);
        // A watch keeps its incident's grain active: only an incident that exists gets one.
        Grain(request.IncidentId);
        if (await _store.ReadAsync(request.IncidentId, context.CancellationToken) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No incident {RpcText.Quote(request.IncidentId)}; open one first or check the id."));
        }

        await responseStream.WriteAllAsync(WatchAsync(request.IncidentId, request.FromVersion, context.CancellationToken), context.CancellationToken);
    }

    public override Task<Incident> Advance(AdvanceRequest request, ServerCallContext context) =>
        AdvanceAsync(request.IncidentId, Actor(context), context.CancellationToken);

    public override Task<Incident> Approve(DecideRequest request, ServerCallContext context)
    {
        request = RequestKey.Keyed(nameof(Approve), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).DecideAsync(request, approve: true, context.Caller() ?? string.Empty, context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task<Incident> Reject(DecideRequest request, ServerCallContext context)
    {
        request = RequestKey.Keyed(nameof(Reject), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).DecideAsync(request, approve: false, context.Caller() ?? string.Empty, context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task<Incident> SetCompromiseTime(SetCompromiseTimeRequest request, ServerCallContext context)
    {
        IncidentsRequestValidator.Validate(request);
        request = RequestKey.Keyed(nameof(SetCompromiseTime), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).SetCompromiseTimeAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task<Incident> AddNote(AddNoteRequest request, ServerCallContext context)
    {
        IncidentsRequestValidator.Validate(request);
        request = RequestKey.Keyed(nameof(AddNote), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).AddNoteAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task<Incident> CompleteCommunication(CompleteCommunicationRequest request, ServerCallContext context)
    {
        request = RequestKey.Keyed(nameof(CompleteCommunication), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).CompleteCommunicationAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task<Incident> CloseIncident(CloseIncidentRequest request, ServerCallContext context)
    {
        request = RequestKey.Keyed(nameof(CloseIncident), request, static r => r.RequestId, static (r, id) => r.RequestId = id);
        return Retry(() => Grain(request.IncidentId).CloseAsync(request, Actor(context), context.CancellationToken), repeatable: request.RequestId.Length > 0, context.CancellationToken);
    }

    public override Task ExportEvidence(ExportEvidenceRequest request, IServerStreamWriter<EvidenceEntry> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(ExportAsync(request.IncidentId, context.CancellationToken), context.CancellationToken);

    public override async Task<VerifyEvidenceResponse> VerifyEvidence(VerifyEvidenceRequest request, ServerCallContext context)
    {
        await Retry(() => Grain(request.IncidentId).GetAsync(context.CancellationToken), repeatable: true, context.CancellationToken);
        var result = await _evidence.VerifyAsync(request.IncidentId, context.CancellationToken);
        return new VerifyEvidenceResponse
        {
            Intact = result.Intact,
            Entries = result.Entries,
            FirstBadSequence = result.FirstBadSequence,
            Message = result.Message,
            HeadHash = result.HeadHash,
        };
    }

    public override Task<Report> GetReport(GetReportRequest request, ServerCallContext context) =>
        ReportAsync(request, context.CancellationToken);

    private Task<T> Retry<T>(Func<Task<T>> call, bool repeatable, CancellationToken cancellationToken) =>
        ClusterRetry.CallAsync(call, repeatable, _time, cancellationToken);

    private IIncidentGrain Grain(string incidentId)
    {
        if (string.IsNullOrWhiteSpace(incidentId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "incident_id is required."));
        }

        return _grains.GetGrain<IIncidentGrain>(incidentId);
    }

    private static string Actor(ServerCallContext context) => context.Caller() ?? "anonymous";
}
