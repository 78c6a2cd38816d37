namespace CredIr.Aws;

/// <summary>A managed policy.</summary>
public sealed record PolicyResponse(IamManagedPolicy Policy, string? RequestId);
