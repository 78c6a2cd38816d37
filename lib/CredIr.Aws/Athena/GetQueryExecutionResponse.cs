namespace CredIr.Aws;

/// <summary>A query's state.</summary>
public sealed record GetQueryExecutionResponse(AthenaQueryExecution QueryExecution, string? RequestId);
