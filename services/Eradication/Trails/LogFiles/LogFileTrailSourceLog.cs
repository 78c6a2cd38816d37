using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LogFiles;

internal static partial class LogFileTrailSourceLog
{
    [LoggerMessage(1, LogLevel.Information, "Reading {FileCount} CloudTrail log files under {Root} ({Skipped} skipped by path)")]
    public static partial void Started(ILogger logger, int fileCount, string root, int skipped);

    [LoggerMessage(2, LogLevel.Warning, "CloudTrail log file {Path} could not be read: {Error}")]
    public static partial void FileFailed(ILogger logger, string path, string error);

    [LoggerMessage(3, LogLevel.Warning, "A record of CloudTrail log file {Path} at byte {Offset} could not be decoded")]
    public static partial void RecordUndecodable(ILogger logger, string path, long offset);
}
