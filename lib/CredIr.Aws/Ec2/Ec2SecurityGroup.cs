namespace CredIr.Aws;

/// <summary>A security group with its inbound and outbound rules.</summary>
public sealed record Ec2SecurityGroup(string GroupId, string GroupName, string? Description, string? VpcId, IReadOnlyList<Ec2IpPermission> IpPermissions, IReadOnlyList<Ec2IpPermission> IpPermissionsEgress, IReadOnlyList<Ec2Tag> Tags);
