namespace CredIr.Aws;

/// <summary>An instance.</summary>
public sealed record Ec2Instance(string InstanceId, string? ImageId, string? InstanceType, string State, DateTimeOffset? LaunchTime, string? IamInstanceProfileArn, string? KeyName, string? ReservationId, string? OwnerId, string? SubnetId, string? VpcId, string? PrivateIpAddress, string? PublicIpAddress, IReadOnlyList<Ec2Tag> Tags)
{
    /// <summary>The security groups of its primary network interface.</summary>
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>The EBS volumes attached to it (block device mappings).</summary>
    public IReadOnlyList<string> VolumeIds { get; init; } = [];
}
