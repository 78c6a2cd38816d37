namespace CredIr.Aws;

/// <summary>Security groups by id or filter (group-name, group-id, vpc-id).</summary>
public sealed record DescribeSecurityGroupsRequest(IReadOnlyList<string>? GroupIds = null, IReadOnlyList<Ec2Filter>? Filters = null);
