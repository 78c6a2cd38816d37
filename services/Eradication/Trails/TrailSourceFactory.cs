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

    /// <summary>What a scan queries through Athena: its own settings where given, else the "Eradication:Athena" section.</summary>
    public AthenaTarget AthenaTarget(AthenaSettings? settings)
    {
        var defaults = athenaOptions.Value;
        return new AthenaTarget(
            Or(settings?.Database, defaults.Database),
            Or(settings?.Table, defaults.Table),
            Or(settings?.Workgroup, defaults.WorkGroup),
            NullIfEmpty(settings?.OutputLocation) ?? defaults.OutputLocation,
            settings?.CreateTable == true || defaults.CreateTable,
            NullIfEmpty(settings?.TrailLocation) ?? defaults.TrailLocation,
            NullIfEmpty(settings?.Region) ?? defaults.Region);
    }

    /// <summary>Athena with the default credential chain (the account that holds the organization trail's table).</summary>
    public ITrailSource CreateAthena(AthenaTarget target) =>
        new AthenaTrailSource(aws.CreateDefaultScope(target.Region), target, athenaOptions.Value, time, loggers.CreateLogger<AthenaTrailSource>());

    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
