using CredIr.Incidents.Cluster;
using CredIr.Incidents.Domain;

namespace CredIr.Incidents.Hosting;

/// <summary>The coordinator's settings (section "Incidents"), validated at start-up.</summary>
public sealed class IncidentsOptions
{
    public const string SectionName = "Incidents";

    /// <summary>
    /// "sqlite:&lt;path&gt;" (the default, a file beside the process), or a PostgreSQL connection
    /// string: postgres://user:password@host:port/database or Npgsql's Host=...;Username=... form.
    /// </summary>
    public string Store { get; set; } = "sqlite:credir.db";

    /// <summary>How long an incident stays in memory without a call, a watcher or a run before it is dropped (Orleans' collection age).</summary>
    public TimeSpan IdleActivationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>This process's Orleans silo: alone with SQLite, one of a cluster with PostgreSQL.</summary>
    public SiloSettings Silo { get; set; } = new();

    /// <summary>
    /// How long an advance waits inside one grain call before it answers "still running" and the
    /// service calls again: under Orleans' 30 s response timeout, so a scan of minutes is never cut off.
    /// </summary>
    public TimeSpan AdvanceCallWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>An approver must differ from the person who asked for the plan.</summary>
    public bool TwoPersonRule { get; set; } = true;

    public AutoApprovePolicy AutoApprove { get; set; } = new();


    /// <summary>
    /// How long the coordinator watches CloudTrail for the contained keys before it calls the
    /// incident contained. Short on purpose: it holds the advance, and IAM applies a deny within
    /// seconds; the playbook's 30-minute watch is <see cref="PostContainmentWatch"/>, after it.
    /// </summary>
    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often that watch reads CloudTrail.</summary>
    public TimeSpan VerificationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How late CloudTrail may deliver an event (AWS: typically within 15 minutes). The short watch's verdict says
    /// what it could not see yet: a use made before it ended may still arrive until this long after.
    /// </summary>
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The playbook's watch after containment: CloudTrail is checked for the contained keys this long (plus
    /// <see cref="DeliveryDelay"/>) after the incident is contained. A durable reminder owns it, so it goes on
    /// across restarts and on another node when this one dies; a use found reopens containment.
    /// </summary>
    public TimeSpan PostContainmentWatch { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often that watch checks CloudTrail: a reminder's period, so at least Orleans' one minute.</summary>
    public TimeSpan PostContainmentCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The first automatic retry of a phase that failed for a reason that passes (its service unavailable,
    /// throttled, out of time); each further retry waits twice as long, up to <see cref="PhaseRetryMaxDelay"/>.
    /// </summary>
    public TimeSpan PhaseRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan PhaseRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many automatic retries before the incident waits for a responder (0: none).</summary>
    public int PhaseRetryAttempts { get; set; } = 8;

    // The store may hold a database password: ToString (logs, exceptions) names only its kind.
    public override string ToString() =>
        $"Incidents(Store: {(IncidentStoreFactory.IsSqlite(Store) ? Store : "PostgreSQL, credentials hidden")}, TwoPersonRule: {TwoPersonRule})";
}
