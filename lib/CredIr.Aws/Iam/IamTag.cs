namespace CredIr.Aws;

/// <summary>A tag on an IAM user or role.</summary>
public sealed record IamTag(string Key, string Value);
