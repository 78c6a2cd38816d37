namespace CredIr.Aws;

/// <summary>Deletes a service-specific credential.</summary>
public sealed record DeleteServiceSpecificCredentialRequest(string ServiceSpecificCredentialId, string? UserName = null);
