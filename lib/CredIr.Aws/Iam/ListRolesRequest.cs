namespace CredIr.Aws;

/// <summary>Lists roles (MaxItems: page size, 1 to 1000).</summary>
public sealed record ListRolesRequest(string? PathPrefix = null, int? MaxItems = null);
