namespace CredIr.Aws;

/// <summary>Reads a finished query's results.</summary>
public sealed record GetQueryResultsRequest(string QueryExecutionId, int? MaxResults = null);
