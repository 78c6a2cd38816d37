namespace CredIr.Aws;

/// <summary>Attaches a managed policy to a group (undoing a detach).</summary>
public sealed record AttachGroupPolicyRequest(string GroupName, string PolicyArn);
