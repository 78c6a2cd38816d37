namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// Athena over the organization trail (section "Eradication:Athena"): the default target, and the named ones a scan may
/// choose (<see cref="Targets"/>). Where Athena looks and writes comes from here only, never from a request.
/// </summary>
public sealed class AthenaSourceOptions
{
    public const string SectionName = "Eradication:Athena";

    public string Database { get; set; } = "cloudtrail";

    public string Table { get; set; } = "organization_trail";

    public string WorkGroup { get; set; } = "primary";

    /// <summary>s3://bucket/prefix/ for query results; needed unless the workgroup has one.</summary>
    public string? OutputLocation { get; set; }

    /// <summary>Create the database and table when missing (CloudTrail's DDL with partition projection).</summary>
    public bool CreateTable { get; set; }

    /// <summary>The organization trail's prefix, s3://bucket/AWSLogs/o-xxxxxxxxxx/ (for CreateTable).</summary>
    public string? TrailLocation { get; set; }

    /// <summary>Athena's region (default: the AWS section's region).</summary>
    public string? Region { get; set; }

    /// <summary>Accounts the table's partition projection enumerates (default: organizations:ListAccounts when the table is created).</summary>
    public List<string> Accounts { get; set; } = [];

    /// <summary>Regions the table's partition projection enumerates (default: ec2:DescribeRegions when the table is created).</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>First wait between GetQueryExecution polls; doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A query still running after this is stopped (StopQueryExecution) and reported as a gap.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Rows per GetQueryResults page (Athena: at most 1000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Other targets a scan (or an incident) may choose by name; each unset setting is this section's.</summary>
    public Dictionary<string, AthenaTargetOptions> Targets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The default target (an empty name) or a named one; null for a name that is not configured.</summary>
    public AthenaTarget? Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return new AthenaTarget(Database, Table, WorkGroup, OutputLocation, CreateTable, TrailLocation, Region);
        }

        if (!Targets.TryGetValue(name, out var named))
        {
            return null;
        }

        return new AthenaTarget(
            Or(named.Database, Database),
            Or(named.Table, Table),
            Or(named.WorkGroup, WorkGroup),
            named.OutputLocation ?? OutputLocation,
            named.CreateTable ?? CreateTable,
            named.TrailLocation ?? TrailLocation,
            named.Region ?? Region);
    }

    /// <summary>The configured names, sorted, for the messages that list them.</summary>
    public IReadOnlyList<string> Names() => [.. Targets.Keys.Order(StringComparer.Ordinal)];

    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
