namespace CredIr.Aws;

/// <summary>Lists a user's signing certificates.</summary>
public sealed record ListSigningCertificatesRequest(string UserName);
