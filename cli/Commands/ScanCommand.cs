using System.CommandLine;
using System.Globalization;
using CredIr.Cli.Output;
using CredIr.Cli.Scan;
using CredIr.Contracts.V1;
using CredIr.Eradication;
using CredIr.Eradication.Scanning;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CredIr.Cli.Commands;

/// <summary><c>credir scan</c>: an eradication scan only, through the Eradication service's scan in-process (LookupEvents, Athena or log files).</summary>
internal static class ScanCommand
{
    /// <summary>The scan ran but could not see everything (docs/cli.md).</summary>
    public const int IncompleteScan = 3;

    public static Command Create()
    {
        var keys = new Option<string[]>("--access-key") { Description = "A compromised access key id (repeatable).", Required = true, AllowMultipleArgumentsPerToken = false };
        var since = new Option<string>("--since") { Description = "The compromise time, ISO 8601 (2023-07-10T11:00:00Z).", Required = true };
        var until = new Option<string?>("--until") { Description = "End of the window, ISO 8601 (default: now)." };
        var logs = new Option<string?>("--logs") { Description = "CloudTrail log files (.json or .json.gz, the S3 layout or flat): a folder, or s3://bucket/prefix (only the window's day folders are fetched)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Read CloudTrail LookupEvents at this endpoint (default: AWS, credentials from the default chain)." };
        var noFollow = new Option<bool>("--no-follow") { Description = "Do not scan credentials the actor derived (new keys, sessions, passed roles)." };
        var maxDepth = new Option<int>("--max-depth") { Description = "Stop following after this many hops (0: until no new credential appears).", DefaultValueFactory = _ => 0 };
        var athena = new AthenaCliOptions();
        var output = new Option<OutputFormat>("--output") { Description = "table (people), csv (one row per event) or json (docs/scan-output.md).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("scan", CliApp.Describe(
            "Find every API call the given credentials made since the compromise time, and every credential derived from them: from CloudTrail LookupEvents in every account and region of the organization (default credential chain, or --endpoint), through Athena over the organization trail (--athena), or from log files (--logs). Exit 0: complete; 3: an account or region could not be read (see docs/cli.md).",
            "credir scan --access-key AKIATFQR7NSC8Q4X20BJ --since 2023-07-10T11:00:00Z --logs ./CloudTrail",
            "AWS_PROFILE=security credir scan --access-key AKIA... --since 2024-05-01T00:00:00Z",
            "credir scan --access-key AKIA... --access-key ASIA... --since 2024-05-01T00:00:00Z --logs ./trail --no-follow --output csv > calls.csv",
            "credir scan --access-key AKIA... --since 2024-05-01T00:00:00Z --logs ./trail --output json | jq '.credentials'",
            "credir scan --access-key AKIA... --since 2024-01-01T00:00:00Z --athena --athena-output s3://my-athena-results/ --athena-trail s3://my-org-trail/AWSLogs/o-abcd123456/"))
        {
            keys, since, until, logs, endpoint, noFollow, maxDepth, output,
        };
        foreach (var option in athena.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var endpointUrl = result.GetValue(endpoint);
            var request = new ScanRequest
            {
                Since = Time(result.GetValue(since)!, "--since"),
                NoFollow = result.GetValue(noFollow),
                MaxDepth = result.GetValue(maxDepth),
            };
            if (athena.Enabled(result))
            {
                if (result.GetValue(logs) is not null)
                {
                    throw new CliException("give --logs or --athena, not both", CliApp.UsageError);
                }

                request.Source = TrailSourceKind.Athena;
                request.Athena = new AthenaSettings { Target = athena.TargetName(result) };
            }
            else if (result.GetValue(logs) is { } folder)
            {
                request.Source = TrailSourceKind.LogFiles;
                request.LogLocation = folder.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? folder
                    : Directory.Exists(folder) ? Path.GetFullPath(folder) : throw new CliException($"--logs: no such folder: {folder}");
            }
            else
            {
                // Every account of the organization and every enabled region, through the response role.
                request.Source = TrailSourceKind.LookupEvents;
            }

            if (result.GetValue(until) is { } end)
            {
                request.Until = Time(end, "--until");
            }

            request.Credentials.AddRange(result.GetValue(keys)!.Select(static k => new Credential { AccessKeyId = k }));
            // The Athena settings given here are the in-process service's own configuration, as a server's operator sets theirs.
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (request.Source == TrailSourceKind.Athena)
            {
                athena.AddSettings(result, settings);
            }

            using var host = BuildHost(endpointUrl, request.Source == TrailSourceKind.LogFiles && !request.LogLocation.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? request.LogLocation : null, settings);
            var handler = host.Services.GetRequiredService<ScanHandler>();
            var updates = Guard(handler.ScanAsync(request, ct), ct);
            var gaps = await ScanPrinter.PrintAsync(request.Credentials, updates, result.GetValue(output), Terminal.Detect(), ct);
            return gaps > 0 ? IncompleteScan : 0;
        });
        return command;
    }

    private static Timestamp Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Timestamp.FromDateTimeOffset(time)
            : throw new CliException($"{option}: '{text}' is not an ISO 8601 time (e.g. 2023-07-10T11:00:00Z)", CliApp.UsageError);

    private static IHost BuildHost(string? endpoint, string? logFolder, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);

        // The scan runs in this process for the person at the terminal: the folder they name is their own choice of root.
        if (logFolder is not null)
        {
            builder.Configuration["Eradication:LogFiles:Roots:0"] = logFolder;
        }

        if (endpoint is not null)
        {
            builder.Configuration["Aws:EndpointUrl"] = Uri.TryCreate(endpoint, UriKind.Absolute, out _) ? endpoint : throw new CliException($"--endpoint: '{endpoint}' is not a URL", CliApp.UsageError);
        }

        builder.AddEradicationServices();
        return builder.Build();
    }

    // The service answers bad input with RpcException(INVALID_ARGUMENT): for a CLI user that is a usage error.
    private static async IAsyncEnumerable<ScanUpdate> Guard(IAsyncEnumerable<ScanUpdate> updates, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var e = updates.GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RpcException error)
            {
                throw new CliException(error.Status.Detail, error.StatusCode == StatusCode.InvalidArgument ? CliApp.UsageError : 1);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException error)
            {
                // The settings given on the command line are this process's configuration: a bad one is a usage error.
                throw new CliException(error.Message, CliApp.UsageError);
            }

            yield return e.Current;
        }
    }
}
