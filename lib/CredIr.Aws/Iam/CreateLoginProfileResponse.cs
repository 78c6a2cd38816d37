namespace CredIr.Aws;

/// <summary>The login profile created.</summary>
public sealed record CreateLoginProfileResponse(IamLoginProfile LoginProfile, string? RequestId);
