namespace CredIr.Aws;

/// <summary>Creates a security group (in the default VPC when no VPC is given); it starts with no inbound and all outbound traffic allowed.</summary>
public sealed record CreateSecurityGroupRequest(string GroupName, string Description, string? VpcId = null, IReadOnlyList<Ec2Tag>? Tags = null);
