namespace CredIr.Aws;

/// <summary>An IAM group.</summary>
public sealed record IamGroup(string GroupName, string GroupId, string Arn, string Path, DateTimeOffset? CreateDate);
