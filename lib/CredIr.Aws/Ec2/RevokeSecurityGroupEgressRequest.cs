namespace CredIr.Aws;

/// <summary>Removes outbound rules of a security group.</summary>
public sealed record RevokeSecurityGroupEgressRequest(string GroupId, IReadOnlyList<Ec2IpPermission> IpPermissions);
