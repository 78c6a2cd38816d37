using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;

namespace CredIr.Incidents.Grains;

internal sealed partial class IncidentGrain
{
    public async Task<Incident> OpenAsync(OpenIncidentRequest request, string actor, CancellationToken cancellationToken)
    {
        await _commit.WaitAsync(cancellationToken);
        try
        {
            if (_committed is { } existing)
            {
                return existing;
            }

            workflow.Approvals.CheckOpen(request);
            var incident = IncidentWorkflow.Open(IncidentId, request, actor, time.GetUtcNow());
            incident.Version = 1;
            await WriteAsync(incident, "opened", $"incident opened by {actor}: {incident.Title}", request.RequestId, cancellationToken);
            return incident;
        }
        finally
        {
            _commit.Release();
        }
    }

    public Task<Incident> DecideAsync(DecideRequest request, bool approve, string actor, CancellationToken cancellationToken)
    {
        var verb = approve ? "approved" : "rejected";
        return CommitAsync(request.RequestId, "approval", $"approval {request.ApprovalId} {verb} by {actor}", incident =>
        {
            if (!workflow.Approvals.Decide(incident, request.ApprovalId, actor, approve, request.Reason, Now))
            {
                return false;
            }

            incident.WaitingFor = approve ? "the next step of the playbook (advance)" : $"a new plan: {request.ApprovalId} was rejected";
            IncidentWorkflow.AddTimeline(incident, Now, "responder", $"approval {request.ApprovalId} {verb} by {actor}{Because(request.Reason)}");
            return true;
        }, cancellationToken);
    }

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, string actor, CancellationToken cancellationToken) =>
        CommitAsync(request.RequestId, "compromise-time", $"compromise time set by {actor}", incident =>
        {
            IncidentWorkflow.SetCompromiseTime(incident, request.CompromiseTime, actor, request.Reason, Now);
            return true;
        }, cancellationToken);

    public Task<Incident> AddNoteAsync(AddNoteRequest request, string actor, CancellationToken cancellationToken) =>
        CommitAsync(request.RequestId, "note", $"note by {actor}", incident =>
        {
            IncidentWorkflow.AddNote(incident, actor, request.Text, Now);
            return true;
        }, cancellationToken);

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, string actor, CancellationToken cancellationToken) =>
        CommitAsync(request.RequestId, "communication", $"communication {request.ItemId} done by {actor}", incident =>
        {
            IncidentWorkflow.CompleteCommunication(incident, request.ItemId, actor, Now);
            return true;
        }, cancellationToken);

    public Task<Incident> CloseAsync(CloseIncidentRequest request, string actor, CancellationToken cancellationToken) =>
        CommitAsync(request.RequestId, "closed", request.Force ? $"closed with force by {actor}: {request.Reason}" : $"closed by {actor}", incident =>
        {
            IncidentWorkflow.Close(incident, request, actor, Now);
            // Nothing is watched or retried for a closed incident: their reminders go with this change.
            incident.Retry = null;
            if (incident.PostContainmentWatch is { State: PostContainmentWatchState.Watching } watch)
            {
                watch.State = PostContainmentWatchState.Ended;
                watch.Summary = $"post-containment watch stopped at {Now:O}: the incident was closed before it ended";
            }

            return true;
        }, cancellationToken);

    public Task<Incident> TransitionAsync(Phase to, string reason, string actor, CancellationToken cancellationToken) =>
        CommitAsync(null, "phase", $"phase {PhaseNames.Of(to)}: {reason}", incident =>
        {
            IncidentWorkflow.MoveTo(incident, to, $"{reason} ({actor})", Now);
            return true;
        }, cancellationToken);

    public Task<Incident> AddCredentialAsync(Credential credential, string requestId, CancellationToken cancellationToken)
    {
        var name = credential.AccessKeyId.Length > 0 ? credential.AccessKeyId : credential.PrincipalArn;
        return CommitAsync(requestId, "credential", $"credential {name} added", incident => IncidentWorkflow.AddCredential(incident, credential, Now), cancellationToken);
    }

    private static string Because(string reason) => reason.Length > 0 ? $": {reason}" : string.Empty;
}
