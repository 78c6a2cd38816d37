namespace CredIr.Sandbox.Model;

internal sealed class Ec2Instance(string id, string region, string imageId, string instanceType, DateTimeOffset launched)
{
    public string Id { get; } = id;
    public string Region { get; } = region;
    public string ImageId { get; } = imageId;
    public string InstanceType { get; } = instanceType;
    public DateTimeOffset Launched { get; } = launched;
    public string State { get; set; } = "running";
    public string? InstanceProfileArn { get; init; }
    public string? InstanceProfileId { get; init; }
    /// <summary>The role credentials the instance metadata service would hand out.</summary>
    public StsSession? RoleSession { get; init; }
    public string? KeyName { get; init; }
    /// <summary>Tags in the order they were set; EC2 keys are case-sensitive.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    /// <summary>The security groups of its network interface, in order.</summary>
    public List<string> SecurityGroupIds { get; } = [];
    /// <summary>Termination protection: TerminateInstances is refused while it is on.</summary>
    public bool DisableApiTermination { get; set; }
    /// <summary>Every instance boots from one 8 GiB EBS root volume, named after the instance.</summary>
    public string RootVolumeId => "vol-" + Id[2..];
    public const int RootVolumeSize = 8;
}
