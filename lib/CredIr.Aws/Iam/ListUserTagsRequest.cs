namespace CredIr.Aws;

/// <summary>Lists a user's tags.</summary>
public sealed record ListUserTagsRequest(string UserName);
