namespace CredIr.Aws;

/// <summary>A user.</summary>
public sealed record GetUserResponse(IamUser User, string? RequestId);
