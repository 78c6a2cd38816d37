namespace CredIr.Aws;

/// <summary>Describes trails (all in the region, shadow trails included, when no names are given).</summary>
public sealed record DescribeTrailsRequest(IReadOnlyList<string>? TrailNameList = null, bool IncludeShadowTrails = true);
