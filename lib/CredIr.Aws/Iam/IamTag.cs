namespace CredIr.Aws;

/// <summary>A tag of an IAM user or role (keys are case-insensitive in IAM).</summary>
public sealed record IamTag(string Key, string Value);
