using System.CommandLine;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

/// <summary>
/// <c>--athena</c> and its settings, shared by <c>scan</c> and <c>respond</c>: query the organization trail through
/// Athena. Unset settings come from the configuration section Eradication:Athena (docs/eradication.md).
/// </summary>
internal sealed class AthenaCliOptions
{
    public Option<bool> Athena { get; } = new("--athena") { Description = "Read the actor's calls through Athena over the organization trail in S3 (settings below, else configuration Eradication:Athena)." };

    public Option<string?> Table { get; } = new("--athena-table") { Description = "DATABASE.TABLE of the CloudTrail table (default cloudtrail.organization_trail)." };

    public Option<string?> WorkGroup { get; } = new("--athena-workgroup") { Description = "Athena workgroup (default primary)." };

    public Option<string?> OutputLocation { get; } = new("--athena-output") { Description = "s3://bucket/prefix/ for query results (needed unless the workgroup has one)." };

    public Option<string?> TrailLocation { get; } = new("--athena-trail") { Description = "The organization trail's prefix s3://bucket/AWSLogs/o-xxxxxxxxxx/: create the table over it (partition projection) when missing." };

    public Option<string?> Region { get; } = new("--athena-region") { Description = "The region Athena runs in (default: the AWS region)." };

    public IEnumerable<Option> All => [Athena, Table, WorkGroup, OutputLocation, TrailLocation, Region];

    public bool Enabled(ParseResult result)
    {
        var any = new[] { result.GetValue(Table), result.GetValue(WorkGroup), result.GetValue(OutputLocation), result.GetValue(TrailLocation), result.GetValue(Region) }.Any(static v => v is not null);
        if (any && !result.GetValue(Athena))
        {
            throw new CliException("the --athena-* options need --athena", CliApp.UsageError);
        }

        return result.GetValue(Athena);
    }

    public AthenaSettings Settings(ParseResult result)
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

    /// <summary>The settings as configuration keys, for a service hosted in this process (respond without --server).</summary>
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
