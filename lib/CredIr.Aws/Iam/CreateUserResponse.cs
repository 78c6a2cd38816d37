namespace CredIr.Aws;

/// <summary>The user created.</summary>
public sealed record CreateUserResponse(IamUser User, string? RequestId);
