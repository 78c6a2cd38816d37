namespace CredIr.Aws;

/// <summary>Adds or overwrites tags of a user.</summary>
public sealed record TagUserRequest(string UserName, IReadOnlyList<IamTag> Tags);
