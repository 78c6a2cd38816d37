namespace CredIr.Aws;

/// <summary>A tag.</summary>
public sealed record Ec2Tag(string Key, string Value);
