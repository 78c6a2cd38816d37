namespace CredIr.Incidents.Cluster;

/// <summary>
/// The Orleans silo of this process (section "Incidents:Silo"). With a SQLite store the silo is
/// alone (localhost clustering on free ports); with a PostgreSQL store every process on that database
/// joins one cluster, found through Orleans' membership table there.
/// </summary>
public sealed class SiloSettings
{
    /// <summary>The cluster's name: processes on one database with another id form another cluster.</summary>
    public string ClusterId { get; set; } = "credir";

    /// <summary>Silo-to-silo port (cluster only; 0 picks a free one).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address other silos reach this one at (cluster only).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long a silo waits for a probe's answer. With <see cref="MissedProbesLimit"/> it bounds how
    /// long a dead silo's incidents wait before they move: about 1 s (kill -9) and 8 s (a hung
    /// process) with these defaults, against 13 s and 64 s with Orleans' own.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int MissedProbesLimit { get; set; } = 2;

    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
