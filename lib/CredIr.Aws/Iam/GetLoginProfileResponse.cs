namespace CredIr.Aws;

/// <summary>A user's console login profile.</summary>
public sealed record GetLoginProfileResponse(IamLoginProfile LoginProfile, string? RequestId);
