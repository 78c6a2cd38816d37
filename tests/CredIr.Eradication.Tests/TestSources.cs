using CredIr.Aws;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Eradication.Trails.LookupEvents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Tests;

/// <summary>
/// The trail source factory with default options, and every folder a log root (the tests read temporary folders and
/// datasets); AWS is never called by the log-file tests.
/// </summary>
internal static class TestSources
{
    private static readonly AwsRuntime Aws = new(new HttpClient(), new AwsClientOptions { Region = "us-east-1", UseEnvironmentEndpoints = false });

    public static TrailSourceFactory Factory(params string[] roots) => Create(new LogFileSourceOptions { Roots = roots.Length > 0 ? roots : ["/"] });

    /// <summary>As a deployment starts: no log root configured.</summary>
    public static TrailSourceFactory Unrooted() => Create(new LogFileSourceOptions());

    /// <summary>With this Athena configuration (its default and named targets).</summary>
    public static TrailSourceFactory WithAthena(AthenaSourceOptions athena) => Create(new LogFileSourceOptions { Roots = ["/"] }, athena);

    private static TrailSourceFactory Create(LogFileSourceOptions logFiles, AthenaSourceOptions? athena = null) => new(
        Options.Create(logFiles),
        Options.Create(new LookupEventsSourceOptions()),
        Options.Create(new OrganizationSessionOptions()),
        Options.Create(athena ?? new AthenaSourceOptions()),
        Aws,
        TimeProvider.System,
        NullLoggerFactory.Instance);
}
