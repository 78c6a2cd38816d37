namespace CredIr.Aws;

/// <summary>A security group rule over IPv4 ranges; protocol "-1" is all traffic.</summary>
public sealed record Ec2IpPermission(string IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<string> CidrIps);
