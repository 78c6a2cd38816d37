namespace CredIr.Aws;

/// <summary>A region and whether the account has it enabled.</summary>
public sealed record Ec2Region(string RegionName, string? Endpoint, string? OptInStatus);
