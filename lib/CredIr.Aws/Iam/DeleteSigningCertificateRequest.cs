namespace CredIr.Aws;

/// <summary>Deletes a user's signing certificate.</summary>
public sealed record DeleteSigningCertificateRequest(string UserName, string CertificateId);
