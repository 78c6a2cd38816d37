namespace CredIr.Aws;

/// <summary>Lists roles.</summary>
public sealed record ListRolesRequest(string? PathPrefix = null);
