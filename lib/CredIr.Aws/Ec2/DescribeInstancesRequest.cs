namespace CredIr.Aws;

/// <summary>Lists instances.</summary>
public sealed record DescribeInstancesRequest(IReadOnlyList<Ec2Filter>? Filters = null, IReadOnlyList<string>? InstanceIds = null, int? MaxResults = null);
