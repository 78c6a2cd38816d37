namespace CredIr.Aws;

/// <summary>An IAM user.</summary>
public sealed record IamUser(string UserName, string UserId, string Arn, string Path, DateTimeOffset CreateDate, DateTimeOffset? PasswordLastUsed);
