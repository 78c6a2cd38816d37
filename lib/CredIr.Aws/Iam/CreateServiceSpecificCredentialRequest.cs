namespace CredIr.Aws;

/// <summary>Creates a credential for one service (e.g. codecommit.amazonaws.com) for a user.</summary>
public sealed record CreateServiceSpecificCredentialRequest(string UserName, string ServiceName);
