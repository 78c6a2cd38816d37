namespace CredIr.Aws;

/// <summary>The role created.</summary>
public sealed record CreateRoleResponse(IamRole Role, string? RequestId);
