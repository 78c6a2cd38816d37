using CredIr.Eradication.Trails.LogFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Trails;

/// <summary>Makes the trail source a scan asks for. LookupEvents and Athena join once the AWS clients exist.</summary>
public sealed class TrailSourceFactory(IOptions<LogFileSourceOptions> logFileOptions, ILoggerFactory loggers)
{
    public ITrailSource Create(TrailSourceKind kind, string? location) => kind switch
    {
        TrailSourceKind.LogFiles when location is not null =>
            new LogFileTrailSource(location, logFileOptions.Value, loggers.CreateLogger<LogFileTrailSource>()),
        _ => throw new ArgumentException($"the {kind} trail source is not available here", nameof(kind)),
    };
}
