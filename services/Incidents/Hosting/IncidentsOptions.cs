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
    /// incident contained. Short on purpose: it holds the advance call, and IAM applies a deny
    /// within seconds; the playbook's 30-minute watch (with CloudTrail's delivery delay) is the
    /// Containment service's VerifyContainment, for callers that ask for it.
    /// </summary>
    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often that watch reads CloudTrail.</summary>
    public TimeSpan VerificationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How late CloudTrail may deliver an event (AWS: typically within 15 minutes). The short watch's verdict says
    /// what it could not see yet: a use made before it ended may still arrive until this long after.
    /// </summary>
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
