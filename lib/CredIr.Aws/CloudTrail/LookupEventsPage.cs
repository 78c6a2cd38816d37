namespace CredIr.Aws;

/// <summary>One page of LookupEvents; NextToken resumes the lookup after it.</summary>
public sealed record LookupEventsPage(IReadOnlyList<CloudTrailEventRecord> Events, string? NextToken, string? RequestId);
