namespace CredIr.Aws;

/// <summary>A query's state and where its results are.</summary>
public sealed record AthenaQueryExecution(string QueryExecutionId, string? Query, string State, string? StateChangeReason, DateTimeOffset? SubmissionDateTime, DateTimeOffset? CompletionDateTime, string? OutputLocation, long? DataScannedInBytes);
