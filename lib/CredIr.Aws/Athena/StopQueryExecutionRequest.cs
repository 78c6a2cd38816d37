namespace CredIr.Aws;

/// <summary>Stops a queued or running query (a finished one is left as it is).</summary>
public sealed record StopQueryExecutionRequest(string QueryExecutionId);
