namespace CredIr.Aws;

/// <summary>Deletes a managed policy (detached, with only its default version left).</summary>
public sealed record DeletePolicyRequest(string PolicyArn);
