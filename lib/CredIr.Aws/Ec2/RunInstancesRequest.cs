namespace CredIr.Aws;

/// <summary>Launches instances.</summary>
public sealed record RunInstancesRequest(string ImageId, string InstanceType, int MinCount = 1, int MaxCount = 1)
{
    public string? IamInstanceProfileArn { get; init; }

    public string? IamInstanceProfileName { get; init; }

    public string? KeyName { get; init; }

    /// <summary>The security groups of the instance's network interface (the VPC's default group when none is given).</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}
