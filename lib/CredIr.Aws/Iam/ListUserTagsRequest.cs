namespace CredIr.Aws;

/// <summary>Lists the tags of a user.</summary>
public sealed record ListUserTagsRequest(string UserName);
