using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Eradication.Trails.LookupEvents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Trails;

/// <summary>
/// Makes the trail source a scan asks for. LookupEvents reaches the organization from the credentials the
/// default chain finds (AWS_ENDPOINT_URL and the "Aws" section say where AWS is), one set of sessions per scan.
/// </summary>
public sealed class TrailSourceFactory(
    IOptions<LogFileSourceOptions> logFileOptions,
    IOptions<LookupEventsSourceOptions> lookupOptions,
    IOptions<OrganizationSessionOptions> organizationOptions,
    IOptions<AthenaSourceOptions> athenaOptions,
    AwsRuntime aws,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>
    /// PERMISSION_DENIED for a local log folder outside Eradication:LogFiles:Roots, before anything looks at it: the answer
    /// is the same whether the folder exists or not, so a request cannot probe the server's file system.
    /// </summary>
    public void RequireLogRoot(ScanRequest request)
    {
        var local = request.Source is Contracts.V1.TrailSourceKind.LogFiles or Contracts.V1.TrailSourceKind.Unspecified
            && !string.IsNullOrEmpty(request.LogLocation) && !request.LogLocation.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);
        if (local && !logFileOptions.Value.IsUnderRoot(request.LogLocation))
        {
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied,
                "log_location: this service reads log files only under the folders its operator configured (Eradication:LogFiles:Roots); give a folder under one of them, or an s3:// prefix."));
        }
    }

    /// <summary>Log files in a local folder, or under s3://bucket/prefix read with the default credential chain.</summary>
    public ITrailSource CreateLogFiles(string location)
    {
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return new LogFileTrailSource(location, logFileOptions.Value, loggers.CreateLogger<LogFileTrailSource>());
        }

        var (bucket, prefix) = S3LogFileStore.Parse(location);
        return new LogFileTrailSource(new S3LogFileStore(aws.CreateDefaultScope().S3, bucket, prefix), logFileOptions.Value, loggers.CreateLogger<LogFileTrailSource>());
    }

    /// <summary>Sessions in the organization's accounts for one scan; the caller disposes them when the scan ends.</summary>
    public OrganizationSessions CreateSessions(string incidentId, string? roleName, string? externalId)
    {
        var options = organizationOptions.Value.ForRequest(roleName, externalId, out var refusal)
            ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied, refusal));
        return new OrganizationSessions(aws.CreateDefaultScope(), string.IsNullOrEmpty(incidentId) ? "scan" : incidentId, options);
    }

    public ITrailSource CreateLookupEvents(OrganizationSessions sessions) =>
        new LookupEventsTrailSource(sessions, lookupOptions.Value, loggers.CreateLogger<LookupEventsTrailSource>());

    /// <summary>
    /// The configured Athena target a scan chose by name (athena.target; empty: the default). A request that sets where
    /// Athena looks or writes itself is PERMISSION_DENIED (issue 20: that is the operator's choice); an unknown name is
    /// FAILED_PRECONDITION naming the configured ones.
    /// </summary>
    public AthenaTarget AthenaTarget(AthenaSettings? settings)
    {
        if (settings is not null && SetByRequest(settings) is { } field)
        {
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied,
                $"athena.{field}: where Athena looks and writes comes from this service's configuration ({AthenaSourceOptions.SectionName}); choose a configured target by name in athena.target{Available(athenaOptions.Value)}."));
        }

        var options = athenaOptions.Value;
        return options.Resolve(settings?.Target) ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.FailedPrecondition,
            $"athena.target: '{settings!.Target}' is not an Athena target this service is configured with{Available(options)}, or leave it empty for the default ({options.Database}.{options.Table})."));
    }

    /// <summary>The Athena targets a request may choose (ListAthenaTargets): the named ones, never their locations.</summary>
    public IEnumerable<AthenaTargetInfo> AthenaTargets()
    {
        var options = athenaOptions.Value;
        foreach (var name in options.Names())
        {
            var target = options.Resolve(name)!;
            yield return new AthenaTargetInfo { Name = name, Database = target.Database, Table = target.Table, Workgroup = target.WorkGroup, Region = target.Region ?? string.Empty };
        }
    }

    /// <summary>Athena with the default credential chain (the account that holds the organization trail's table).</summary>
    public ITrailSource CreateAthena(AthenaTarget target) =>
        new AthenaTrailSource(aws.CreateDefaultScope(target.Region), target, athenaOptions.Value, time, loggers.CreateLogger<AthenaTrailSource>());

    private static string? SetByRequest(AthenaSettings settings) =>
        settings.Database.Length > 0 ? "database"
        : settings.Table.Length > 0 ? "table"
        : settings.Workgroup.Length > 0 ? "workgroup"
        : settings.OutputLocation.Length > 0 ? "output_location"
        : settings.TrailLocation.Length > 0 ? "trail_location"
        : settings.CreateTable ? "create_table"
        : settings.Region.Length > 0 ? "region"
        : null;

    private static string Available(AthenaSourceOptions options) =>
        options.Names() is { Count: > 0 } names ? $" (configured: {string.Join(", ", names)})" : $" (none is configured: {AthenaSourceOptions.SectionName}:Targets)";
}
