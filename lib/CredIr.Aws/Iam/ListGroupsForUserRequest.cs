namespace CredIr.Aws;

/// <summary>Lists the groups a user is in.</summary>
public sealed record ListGroupsForUserRequest(string UserName);
