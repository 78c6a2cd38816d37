namespace CredIr.Aws;

/// <summary>Removes tags of a user by key.</summary>
public sealed record UntagUserRequest(string UserName, IReadOnlyList<string> TagKeys);
