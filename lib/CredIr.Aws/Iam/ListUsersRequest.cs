namespace CredIr.Aws;

/// <summary>Lists users.</summary>
public sealed record ListUsersRequest(string? PathPrefix = null);
