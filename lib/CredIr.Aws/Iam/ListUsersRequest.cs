namespace CredIr.Aws;

/// <summary>Lists users (MaxItems: page size, 1 to 1000).</summary>
public sealed record ListUsersRequest(string? PathPrefix = null, int? MaxItems = null);
