namespace CredIr.Aws;

/// <summary>Launches instances.</summary>
public sealed record RunInstancesRequest(string ImageId, string InstanceType, int MinCount = 1, int MaxCount = 1)
{
    public string? IamInstanceProfileArn { get; init; }

    public string? IamInstanceProfileName { get; init; }

    public string? KeyName { get; init; }

    public IReadOnlyList<Ec2Tag>? Tags { get; init; }
}
