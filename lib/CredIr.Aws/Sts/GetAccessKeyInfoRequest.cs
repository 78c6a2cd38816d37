namespace CredIr.Aws;

/// <summary>Asks which account an access key belongs to.</summary>
public sealed record GetAccessKeyInfoRequest(string AccessKeyId);
