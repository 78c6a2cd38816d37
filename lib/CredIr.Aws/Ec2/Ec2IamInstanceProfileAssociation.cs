namespace CredIr.Aws;

/// <summary>An instance profile attached to an instance.</summary>
public sealed record Ec2IamInstanceProfileAssociation(string AssociationId, string InstanceId, string? IamInstanceProfileArn, string? State);
