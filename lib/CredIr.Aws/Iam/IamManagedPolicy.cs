namespace CredIr.Aws;

/// <summary>A managed policy.</summary>
public sealed record IamManagedPolicy(string PolicyName, string PolicyId, string Arn, string Path, string? DefaultVersionId, int AttachmentCount, bool IsAttachable, DateTimeOffset? CreateDate, DateTimeOffset? UpdateDate);
