namespace CredIr.Aws;

/// <summary>Lists regions (every region, opted-in or not, with AllRegions).</summary>
public sealed record DescribeRegionsRequest(bool AllRegions = false, IReadOnlyList<string>? RegionNames = null);
