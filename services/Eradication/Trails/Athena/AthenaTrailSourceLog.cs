using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.Athena;

internal static partial class AthenaTrailSourceLog
{
    [LoggerMessage(1, LogLevel.Information, "Athena query {QueryExecutionId} started over {Database}.{Table}")]
    public static partial void QueryStarted(ILogger logger, string queryExecutionId, string database, string table);

    [LoggerMessage(2, LogLevel.Information, "Athena query {QueryExecutionId} read {Rows} rows, {BytesScanned} bytes scanned")]
    public static partial void QueryRead(ILogger logger, string queryExecutionId, long rows, long bytesScanned);

    [LoggerMessage(3, LogLevel.Warning, "Athena query {QueryExecutionId} ended {State}")]
    public static partial void QueryFailed(ILogger logger, string queryExecutionId, string? state);

    [LoggerMessage(4, LogLevel.Warning, "Athena query {QueryExecutionId} could not be stopped ({Error})")]
    public static partial void StopFailed(ILogger logger, string queryExecutionId, string error);
}
