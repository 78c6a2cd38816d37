namespace CredIr.Aws;

/// <summary>Removes a user's console password.</summary>
public sealed record DeleteLoginProfileRequest(string UserName);
