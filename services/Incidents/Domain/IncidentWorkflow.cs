using CredIr.Contracts.V1;
using CredIr.Reports.Building;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Domain;

/// <summary>
/// The rules for changing an incident document: each method checks first and changes after, so a
/// refused request leaves the document as it was, and each change lands on the timeline.
/// </summary>
internal sealed class IncidentWorkflow(Approvals approvals)
{
    /// <summary>The most characters all the notes of one incident hold together.</summary>
    public const int MaxNoteCharacters = 1024 * 1024;

    public Approvals Approvals { get; } = approvals;

    public static Incident Open(string incidentId, OpenIncidentRequest request, string actor, DateTimeOffset now)
    {
        if (request.Input is null || request.Input.InputCase == IdentificationInput.InputOneofCase.None)
        {
            throw new IncidentException(IncidentErrorKind.InvalidArgument, "An incident needs an input: an access key id, a principal ARN or a finding JSON.");
        }

        var at = Timestamp.FromDateTimeOffset(now);
        var incident = new Incident
        {
            IncidentId = incidentId,
            Phase = Phase.Opened,
            Title = request.Title.Length > 0 ? request.Title : DefaultTitle(request.Input),
            Severity = request.Severity == Severity.Unspecified ? Severity.High : request.Severity,
            TicketReference = request.TicketReference,
            EndUserImpact = request.EndUserImpact,
            OpenedAt = at,
            OpenedBy = actor,
            UpdatedAt = at,
            Input = request.Input,
            Scope = request.Scope ?? new Scope(),
            AutoApprove = request.AutoApprove,
            TrailSource = DefaultTrailSource(request),
            LogLocation = request.LogLocation,
            AthenaTarget = request.AthenaTarget,
            WaitingFor = "identification of the credentials",
            Findings = new FindingsSummary(),
            ContainmentOptions = request.ContainmentOptions?.Clone() ?? new ContainmentOptions(),
            EscalationReason = ContainmentLevel.IsEscalated(request.ContainmentOptions)
                ? $"asked for when the incident was opened ({ContainmentLevel.Describe(request.ContainmentOptions)})"
                : string.Empty,
        };
        if (request.CompromiseTime is not null)
        {
            incident.CompromiseWindow = new CompromiseWindow
            {
                Start = request.CompromiseTime,
                Basis = CompromiseTimeBasis.Responder,
                Explanation = "given when the incident was opened",
            };
        }

        AddTimeline(incident, now, "responder", $"opened by {actor}");
        return incident;
    }

    public static void MoveTo(Incident incident, Phase to, string why, DateTimeOffset now, bool force = false)
    {
        PhaseMachine.EnsureAllowed(incident.Phase, to, force);
        var at = Timestamp.FromDateTimeOffset(now);
        incident.Phase = to;
        switch (to)
        {
            case Phase.Contained:
                incident.ContainedAt = at;
                break;
            case Phase.Eradicated:
                incident.EradicatedAt = at;
                break;
            case Phase.Recovered:
                incident.RecoveredAt = at;
                break;
            case Phase.Closed:
                incident.ClosedAt = at;
                incident.WaitingFor = string.Empty;
                if (incident.CompromiseWindow is { End: null } window)
                {
                    window.End = at;
                }

                break;
        }

        AddTimeline(incident, now, "system", $"phase {PhaseNames.Of(to)}: {why}");
    }

    /// <summary>
    /// Adds a credential, or returns false when the incident already has it. A credential found
    /// after containment (derived by the actor) sends the incident back to containing for it.
    /// </summary>
    public static bool AddCredential(Incident incident, Credential credential, DateTimeOffset now)
    {
        if (incident.Credentials.Any(c => SameCredential(c, credential)))
        {
            return false;
        }

        incident.Credentials.Add(credential);
        var name = credential.AccessKeyId.Length > 0 ? credential.AccessKeyId : credential.PrincipalArn;
        AddTimeline(incident, now, "system", $"credential {name} added ({credential.Kind}, depth {credential.Provenance?.Depth ?? 0})");
        if (incident.Phase is Phase.Contained or Phase.Eradicating or Phase.Eradicated)
        {
            MoveTo(incident, Phase.Containing, $"derived credential {name} must be contained", now);
            incident.WaitingFor = $"containment of derived credential {name}";
        }

        return true;
    }

    public static void SetCompromiseTime(Incident incident, Timestamp start, string actor, string reason, DateTimeOffset now)
    {
        if (start is null || start.ToDateTimeOffset() > now)
        {
            throw new IncidentException(IncidentErrorKind.InvalidArgument, "The compromise time must be set and not in the future.");
        }

        EnsureOpen(incident);
        incident.CompromiseWindow ??= new CompromiseWindow();
        incident.CompromiseWindow.Start = start;
        incident.CompromiseWindow.Basis = CompromiseTimeBasis.Responder;
        incident.CompromiseWindow.Explanation = reason.Length > 0 ? reason : $"set by {actor}";
        AddTimeline(incident, now, "responder", $"compromise time set to {start.ToDateTimeOffset():O} by {actor}");
    }

    public static void AddNote(Incident incident, string actor, string text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new IncidentException(IncidentErrorKind.InvalidArgument, "A note needs text.");
        }

        // Notes are the one part of an incident a caller can grow without end: bounded, the incident stays well
        // inside the 4 MiB a client receives, in GetIncident, WatchIncident and a ListIncidents page.
        var held = incident.Notes.Sum(static n => (long)n.Text.Length);
        if (held + text.Length > MaxNoteCharacters)
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, $"Incident {incident.IncidentId}'s notes hold {held} characters; with this note they would pass {MaxNoteCharacters}, the most an incident holds. Keep long material elsewhere (a ticket, the evidence store) and note where it is.");
        }

        incident.Notes.Add(new Note { Author = actor, At = Timestamp.FromDateTimeOffset(now), Text = text });
    }

    public static void CompleteCommunication(Incident incident, string itemId, string actor, DateTimeOffset now)
    {
        var item = incident.Communications.FirstOrDefault(c => c.ItemId == itemId)
            ?? throw new IncidentException(IncidentErrorKind.NotFound, $"Incident {incident.IncidentId} has no communication item {itemId}.");
        if (item.Done)
        {
            return;
        }

        item.Done = true;
        item.DoneBy = actor;
        item.DoneAt = Timestamp.FromDateTimeOffset(now);
        AddTimeline(incident, now, "responder", $"communication done by {actor}: {item.Description}");
    }

    public static void Close(Incident incident, CloseIncidentRequest request, string actor, DateTimeOffset now)
    {
        if (request.Force && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new IncidentException(IncidentErrorKind.InvalidArgument, "Closing with force needs a reason.");
        }

        MoveTo(incident, Phase.Closed, request.Force ? $"forced by {actor}: {request.Reason}" : $"closed by {actor}", now, request.Force);
        incident.LessonsLearned = request.LessonsLearned;
    }

    public static void AddTimeline(Incident incident, DateTimeOffset now, string actor, string what) =>
        incident.Timeline.Add(new TimelineEntry { At = Timestamp.FromDateTimeOffset(now), Actor = actor, What = what, Phase = incident.Phase });

    private static void EnsureOpen(Incident incident)
    {
        if (incident.Phase == Phase.Closed)
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, $"Incident {incident.IncidentId} is closed; it can no longer change.");
        }
    }

    private static bool SameCredential(Credential a, Credential b) =>
        a.AccessKeyId.Length > 0 || b.AccessKeyId.Length > 0
            ? a.AccessKeyId == b.AccessKeyId
            : a.PrincipalArn == b.PrincipalArn && a.Kind == b.Kind;

    // Without a named source, log files when a location is given, Athena when a target is, else CloudTrail itself:
    // the only source every account has.
    private static TrailSourceKind DefaultTrailSource(OpenIncidentRequest request) => request.TrailSource switch
    {
        TrailSourceKind.Unspecified when request.LogLocation.Length > 0 => TrailSourceKind.LogFiles,
        TrailSourceKind.Unspecified when request.AthenaTarget.Length > 0 => TrailSourceKind.Athena,
        TrailSourceKind.Unspecified => TrailSourceKind.LookupEvents,
        var chosen => chosen,
    };

    private static string DefaultTitle(IdentificationInput input) => input.InputCase switch
    {
        IdentificationInput.InputOneofCase.AccessKeyId => $"Leaked access key {input.AccessKeyId}",
        IdentificationInput.InputOneofCase.PrincipalArn => $"Compromised principal {input.PrincipalArn}",
        _ => "Credential compromise from a finding",
    };
}
