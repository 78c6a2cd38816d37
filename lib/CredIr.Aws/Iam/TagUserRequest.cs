namespace CredIr.Aws;

/// <summary>Adds or replaces tags on a user.</summary>
public sealed record TagUserRequest(string UserName, IReadOnlyList<IamTag> Tags);
