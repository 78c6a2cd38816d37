namespace CredIr.Aws;

/// <summary>Deletes a security group by id (EC2 answers DependencyViolation while an instance or interface still uses it).</summary>
public sealed record DeleteSecurityGroupRequest(string GroupId);
