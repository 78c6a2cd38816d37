namespace CredIr.Aws;

/// <summary>Asks when and where an access key was last used.</summary>
public sealed record GetAccessKeyLastUsedRequest(string AccessKeyId);
