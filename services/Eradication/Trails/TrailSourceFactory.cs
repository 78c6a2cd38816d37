using CredIr.Aws;
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
    AwsRuntime aws,
    ILoggerFactory loggers)
{
    public ITrailSource CreateLogFiles(string location) =>
        new LogFileTrailSource(location, logFileOptions.Value, loggers.CreateLogger<LogFileTrailSource>());

    /// <summary>Sessions in the organization's accounts for one scan; the caller disposes them when the scan ends.</summary>
    public OrganizationSessions CreateSessions(string incidentId, string? roleName, string? externalId)
    {
        var defaults = organizationOptions.Value;
        var options = new OrganizationSessionOptions
        {
            RoleName = string.IsNullOrEmpty(roleName) ? defaults.RoleName : roleName,
            RolePath = defaults.RolePath,
            ExternalId = string.IsNullOrEmpty(externalId) ? defaults.ExternalId : externalId,
            SessionDuration = defaults.SessionDuration,
            RefreshBefore = defaults.RefreshBefore,
            MaxParallelism = defaults.MaxParallelism,
        };
        return new OrganizationSessions(aws.CreateDefaultScope(), string.IsNullOrEmpty(incidentId) ? "scan" : incidentId, options);
    }

    public ITrailSource CreateLookupEvents(OrganizationSessions sessions) =>
        new LookupEventsTrailSource(sessions, lookupOptions.Value, loggers.CreateLogger<LookupEventsTrailSource>());
}
