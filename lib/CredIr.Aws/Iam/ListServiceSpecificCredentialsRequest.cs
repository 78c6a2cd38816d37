namespace CredIr.Aws;

/// <summary>Lists a user's service-specific credentials.</summary>
public sealed record ListServiceSpecificCredentialsRequest(string UserName);
