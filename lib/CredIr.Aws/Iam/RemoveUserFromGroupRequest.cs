namespace CredIr.Aws;

/// <summary>Removes a user from a group.</summary>
public sealed record RemoveUserFromGroupRequest(string GroupName, string UserName);
