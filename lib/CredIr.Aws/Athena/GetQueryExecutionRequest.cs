namespace CredIr.Aws;

/// <summary>Gets a query's state.</summary>
public sealed record GetQueryExecutionRequest(string QueryExecutionId);
