namespace CredIr.Aws;

/// <summary>A user, group or role a managed policy is attached to.</summary>
public sealed record IamPolicyEntity(IamEntityKind Kind, string Name, string Id);
