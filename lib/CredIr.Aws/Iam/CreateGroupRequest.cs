namespace CredIr.Aws;

/// <summary>Creates a group.</summary>
public sealed record CreateGroupRequest(string GroupName, string? Path = null);
