namespace CredIr.Aws;

/// <summary>The trails.</summary>
public sealed record DescribeTrailsResponse(IReadOnlyList<CloudTrailTrail> Trails, string? RequestId);
