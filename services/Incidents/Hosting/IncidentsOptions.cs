using CredIr.Incidents.Domain;
using CredIr.Incidents.Faults;

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

    /// <summary>How long an incident stays in memory without a call (or a watcher) before it is dropped.</summary>
    public TimeSpan IdleActivationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An approver must differ from the person who asked for the plan.</summary>
    public bool TwoPersonRule { get; set; } = true;

    public AutoApprovePolicy AutoApprove { get; set; } = new();

    /// <summary>How many times a call is retried from fresh state after another process wrote first.</summary>
    public int ConflictRetries { get; set; } = 5;

    /// <summary>
    /// How long one coordinator's claim to drive an incident lasts unless renewed (every third of
    /// it). Another coordinator takes over a dead holder's incident after this long (at once when
    /// the holder was on the same host).
    /// </summary>
    public TimeSpan RunClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a watched incident is compared with the store, to pass on other coordinators' changes.</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the coordinator watches CloudTrail for the contained keys before it calls the
    /// incident contained. Short on purpose: it holds the advance call, and IAM applies a deny
    /// within seconds; the playbook's 30-minute watch (with CloudTrail's delivery delay) stays
    /// with `credir respond --verify` and VerifyContainment callers.
    /// </summary>
    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often that watch reads CloudTrail.</summary>
    public TimeSpan VerificationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How late CloudTrail may deliver an event (AWS: typically within 15 minutes). The short watch's verdict says
    /// what it could not see yet: a use made before it ended may still arrive until this long after.
    /// </summary>
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A deliberate kill -9 at a durable write, for crash tests and game days; off unless set.</summary>
    public CrashPointOptions CrashPoint { get; set; } = new();
}
