namespace CredIr.Aws;

/// <summary>An event as LookupEvents returns it, with the full CloudTrail record (CloudTrailEvent, JSON).</summary>
public sealed record CloudTrailEventRecord(string EventId, string EventName, string? ReadOnly, string? AccessKeyId, DateTimeOffset EventTime, string EventSource, string? Username, IReadOnlyList<CloudTrailResource> Resources, string CloudTrailEvent);
