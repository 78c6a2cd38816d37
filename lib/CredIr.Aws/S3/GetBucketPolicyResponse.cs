namespace CredIr.Aws;

/// <summary>A bucket's policy document, as stored.</summary>
public sealed record GetBucketPolicyResponse(string Policy, string? RequestId);
