namespace CredIr.Aws;

/// <summary>A trail's configuration.</summary>
public sealed record CloudTrailTrail(string Name, string? TrailArn, string? S3BucketName, string? S3KeyPrefix, bool IsMultiRegionTrail, bool IsOrganizationTrail, string? HomeRegion, bool IncludeGlobalServiceEvents, bool LogFileValidationEnabled, string? CloudWatchLogsLogGroupArn);
