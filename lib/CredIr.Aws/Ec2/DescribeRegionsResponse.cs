namespace CredIr.Aws;

/// <summary>The regions.</summary>
public sealed record DescribeRegionsResponse(IReadOnlyList<Ec2Region> Regions, string? RequestId);
