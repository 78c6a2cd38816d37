namespace CredIr.Aws;

/// <summary>A role.</summary>
public sealed record GetRoleResponse(IamRole Role, string? RequestId);
