namespace CredIr.Aws;

/// <summary>The credential created, without its password (the caller of this library never needs it).</summary>
public sealed record CreateServiceSpecificCredentialResponse(IamServiceSpecificCredential Credential, string? RequestId);
