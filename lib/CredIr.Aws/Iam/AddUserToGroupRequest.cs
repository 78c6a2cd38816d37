namespace CredIr.Aws;

/// <summary>Adds a user to a group.</summary>
public sealed record AddUserToGroupRequest(string GroupName, string UserName);
