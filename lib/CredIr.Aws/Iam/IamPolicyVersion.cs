namespace CredIr.Aws;

/// <summary>A version of a managed policy; its document URL-decoded (null in lists).</summary>
public sealed record IamPolicyVersion(string VersionId, bool IsDefaultVersion, DateTimeOffset? CreateDate, string? Document);
