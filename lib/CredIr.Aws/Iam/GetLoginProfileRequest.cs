namespace CredIr.Aws;

/// <summary>Gets a user's console login profile.</summary>
public sealed record GetLoginProfileRequest(string UserName);
