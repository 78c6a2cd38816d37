namespace CredIr.Aws;

/// <summary>The id of the query started.</summary>
public sealed record StartQueryExecutionResponse(string QueryExecutionId, string? RequestId);
