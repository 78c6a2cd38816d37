namespace CredIr.Sandbox.Model;

/// <summary>One outbound rule of a security group: protocol ("-1" for all), port range and IPv4 range.</summary>
internal sealed record Ec2EgressRule(string Protocol, int? FromPort, int? ToPort, string CidrIp);
