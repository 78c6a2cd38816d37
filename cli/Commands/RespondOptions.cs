using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

/// <summary>The options of <c>credir respond</c>, and the OpenIncident request and local settings they make.</summary>
internal sealed class RespondOptions
{
    private static readonly Dictionary<string, Severity> Severities = new(StringComparer.Ordinal)
    {
        ["low"] = Contracts.V1.Severity.Low,
        ["medium"] = Contracts.V1.Severity.Medium,
        ["high"] = Contracts.V1.Severity.High,
        ["critical"] = Contracts.V1.Severity.Critical,
    };

    public Option<string?> AccessKey { get; } = new("--access-key") { Description = "The leaked access key id (AKIA... or ASIA...)." };

    public Option<string?> PrincipalArn { get; } = new("--principal-arn") { Description = "The compromised IAM user, role or assumed-role ARN." };

    public Option<string?> Finding { get; } = new("--finding") { Description = "A finding file: GuardDuty, Security Hub (ASFF), AWS Health, or an EventBridge envelope of one." };

    public Option<string?> Since { get; } = new("--since") { Description = "The compromise time, ISO 8601 (default: what identification finds)." };

    public Option<string?> Title { get; } = new("--title") { Description = "The incident's title." };

    public Option<string?> Severity { get; } = new Option<string?>("--severity") { Description = "low, medium, high or critical." }.AcceptOnlyFromAmong([.. Severities.Keys]);

    public Option<string?> Ticket { get; } = new("--ticket") { Description = "Your ticket reference." };

    public Option<string?> Logs { get; } = new("--logs") { Description = "Read the actor's calls from CloudTrail log files under this folder or s3://bucket/prefix (default: CloudTrail LookupEvents in every account and region)." };

    public Option<bool> DenyAll { get; } = new("--deny-all") { Description = "Also deny every action to each contained user or role, new sessions included: every legitimate user of it stops too." };

    public Option<bool> LockTrustPolicy { get; } = new("--lock-trust-policy") { Description = "Also replace each contained role's trust policy with one nobody can assume: no new session of it for anyone." };

    public Option<bool> AutoApprove { get; } = new("--auto-approve") { Description = "Approve every plan automatically (recorded as automatic, with the server's policy name)." };

    public Option<string?> Server { get; } = ServerAddress.CreateOption();

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "Without --server: send every AWS call to this endpoint (e.g. a sandbox) instead of AWS." };

    public Option<string> Store { get; } = new("--store") { Description = "Without --server: the incident store, sqlite:PATH or postgres://...", DefaultValueFactory = _ => "sqlite:credir.db" };

    public Option<string> Output { get; } = Commands.ClientOptions.Output();

    public AthenaCliOptions Athena { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { AccessKey, PrincipalArn, Finding, Since, Title, Severity, Ticket, Logs, DenyAll, LockTrustPolicy, AutoApprove, Server, Endpoint, Store, Output }.Concat(Athena.All))
        {
            command.Options.Add(option);
        }
    }

    public OpenIncidentRequest OpenRequest(ParseResult result)
    {
        var given = new[] { result.GetValue(AccessKey), result.GetValue(PrincipalArn), result.GetValue(Finding) }.Count(static v => v is not null);
        if (given != 1)
        {
            throw new CliException("give exactly one of --access-key, --principal-arn or --finding", CliApp.UsageError);
        }

        var input = new IdentificationInput();
        if (result.GetValue(AccessKey) is { } key)
        {
            input.AccessKeyId = key;
        }
        else if (result.GetValue(PrincipalArn) is { } arn)
        {
            input.PrincipalArn = arn;
        }
        else
        {
            var path = result.GetValue(Finding)!;
            input.FindingJson = File.Exists(path) ? File.ReadAllText(path) : throw new CliException($"--finding: no such file: {path}", CliApp.UsageError);
        }

        var request = new OpenIncidentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Input = input,
            Title = result.GetValue(Title) ?? string.Empty,
            TicketReference = result.GetValue(Ticket) ?? string.Empty,
            AutoApprove = result.GetValue(AutoApprove),
            Severity = result.GetValue(Severity) is { } s ? Severities[s] : Contracts.V1.Severity.Unspecified,
            ContainmentOptions = new ContainmentOptions { DenyAll = result.GetValue(DenyAll), LockTrustPolicy = result.GetValue(LockTrustPolicy) },
        };
        if (result.GetValue(Since) is { } since)
        {
            request.CompromiseTime = RespondCommand.Time(since, "--since");
        }

        if (Athena.Enabled(result))
        {
            if (result.GetValue(Logs) is not null)
            {
                throw new CliException("give --logs or --athena, not both", CliApp.UsageError);
            }

            // The settings travel as the scanning service's configuration (LocalSettings), or are the server's own: the
            // request only names one of its targets.
            request.TrailSource = TrailSourceKind.Athena;
            request.AthenaTarget = Athena.TargetName(result);
        }
        else if (result.GetValue(Logs) is { } logs)
        {
            request.TrailSource = TrailSourceKind.LogFiles;
            request.LogLocation = logs.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? logs
                : Directory.Exists(logs) ? Path.GetFullPath(logs) : throw new CliException($"--logs: no such folder: {logs}", CliApp.UsageError);
        }

        return request;
    }

    public Dictionary<string, string?> LocalSettings(ParseResult result)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Incidents:Store"] = result.GetValue(Store),
            ["Incidents:TwoPersonRule"] = "false",
        };

        // Services in this process are the responder's own: --auto-approve is their policy, not a request to someone
        // else's, and the --logs folder they name is a log root of theirs.
        if (result.GetValue(AutoApprove))
        {
            settings["Incidents:AutoApprove:AllowOnRequest"] = "true";
        }

        if (result.GetValue(Logs) is { } logs && !logs.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            settings["Eradication:LogFiles:Roots:0"] = Path.GetFullPath(logs);
        }

        if (result.GetValue(Endpoint) is { } endpoint)
        {
            settings["Aws:EndpointUrl"] = Uri.TryCreate(endpoint, UriKind.Absolute, out _) ? endpoint : throw new CliException($"--endpoint: '{endpoint}' is not a URL", CliApp.UsageError);
        }

        if (Athena.Enabled(result))
        {
            Athena.AddSettings(result, settings);
        }

        return settings;
    }
}
