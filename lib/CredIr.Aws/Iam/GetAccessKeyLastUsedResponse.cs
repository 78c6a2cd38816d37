namespace CredIr.Aws;

/// <summary>When and where an access key was last used.</summary>
public sealed record GetAccessKeyLastUsedResponse(string? UserName, IamAccessKeyLastUsed AccessKeyLastUsed, string? RequestId);
