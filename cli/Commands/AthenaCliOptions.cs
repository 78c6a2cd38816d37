using System.CommandLine;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

/// <summary>
/// <c>--athena</c> and its settings, shared by <c>scan</c> and <c>respond</c>: query the organization trail through
/// Athena. The settings are the configuration (section Eradication:Athena, docs/eradication.md) of the services this
/// process hosts; a server's come from its operator, and a request only names one of its targets (--athena-target).
/// </summary>
internal sealed class AthenaCliOptions
{
    public Option<bool> Athena { get; } = new("--athena") { Description = "Read the actor's calls through Athena over the organization trail in S3 (settings below, else configuration Eradication:Athena)." };

    public Option<string?> Table { get; } = new("--athena-table") { Description = "DATABASE.TABLE of the CloudTrail table (default cloudtrail.organization_trail)." };

    public Option<string?> WorkGroup { get; } = new("--athena-workgroup") { Description = "Athena workgroup (default primary)." };

    public Option<string?> OutputLocation { get; } = new("--athena-output") { Description = "s3://bucket/prefix/ for query results (needed unless the workgroup has one)." };

    public Option<string?> TrailLocation { get; } = new("--athena-trail") { Description = "The organization trail's prefix s3://bucket/AWSLogs/o-xxxxxxxxxx/: create the table over it (partition projection) when missing." };

    public Option<string?> Region { get; } = new("--athena-region") { Description = "The region Athena runs in (default: the AWS region)." };

    public Option<string?> Target { get; } = new("--athena-target") { Description = "A named Athena target of the configuration (Eradication:Athena:Targets:NAME; with --server, one of the server's), instead of the default." };

    public IEnumerable<Option> All => [Athena, Table, WorkGroup, OutputLocation, TrailLocation, Region, Target];

    public bool Enabled(ParseResult result)
    {
        var any = LocalSettingGiven(result) || result.GetValue(Target) is not null;
        if (any && !result.GetValue(Athena))
        {
            throw new CliException("the --athena-* options need --athena", CliApp.UsageError);
        }

        return result.GetValue(Athena);
    }

    /// <summary>The named target asked for, or empty for the default one.</summary>
    public string TargetName(ParseResult result) => result.GetValue(Target) ?? string.Empty;

    /// <summary>
    /// With --server the server's operator configured where Athena looks and writes (issue 20): this process can only
    /// choose one of its targets by name.
    /// </summary>
    public void RequireNoLocalSettings(ParseResult result)
    {
        if (LocalSettingGiven(result))
        {
            throw new CliException("with --server, where Athena looks and writes is the server's configuration: drop --athena-table/-workgroup/-output/-trail/-region, and choose one of its targets with --athena-target NAME if it has several", CliApp.UsageError);
        }
    }

    private bool LocalSettingGiven(ParseResult result) =>
        new[] { result.GetValue(Table), result.GetValue(WorkGroup), result.GetValue(OutputLocation), result.GetValue(TrailLocation), result.GetValue(Region) }.Any(static v => v is not null);

    private AthenaSettings Settings(ParseResult result)
    {
        var settings = new AthenaSettings
        {
            Workgroup = result.GetValue(WorkGroup) ?? string.Empty,
            OutputLocation = S3(result.GetValue(OutputLocation), "--athena-output") ?? string.Empty,
            TrailLocation = S3(result.GetValue(TrailLocation), "--athena-trail") ?? string.Empty,
            Region = result.GetValue(Region) ?? string.Empty,
        };
        settings.CreateTable = settings.TrailLocation.Length > 0;
        if (result.GetValue(Table) is { } table)
        {
            var parts = table.Split('.');
            if (parts.Length != 2 || parts.Any(static p => p.Length == 0))
            {
                throw new CliException($"--athena-table: '{table}' is not DATABASE.TABLE", CliApp.UsageError);
            }

            (settings.Database, settings.Table) = (parts[0], parts[1]);
        }

        return settings;
    }

    /// <summary>The settings as configuration keys, for the services hosted in this process (scan, respond without --server).</summary>
    public void AddSettings(ParseResult result, IDictionary<string, string?> configuration)
    {
        var settings = Settings(result);
        void Set(string key, string value)
        {
            if (value.Length > 0)
            {
                configuration["Eradication:Athena:" + key] = value;
            }
        }

        Set("Database", settings.Database);
        Set("Table", settings.Table);
        Set("WorkGroup", settings.Workgroup);
        Set("OutputLocation", settings.OutputLocation);
        Set("TrailLocation", settings.TrailLocation);
        Set("Region", settings.Region);
        if (settings.CreateTable)
        {
            configuration["Eradication:Athena:CreateTable"] = "true";
        }
    }

    private static string? S3(string? value, string option) =>
        value is null || value.StartsWith("s3://", StringComparison.Ordinal) ? value
            : throw new CliException($"{option}: '{value}' is not an s3:// URL", CliApp.UsageError);
}
