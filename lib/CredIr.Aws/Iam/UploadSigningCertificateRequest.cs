namespace CredIr.Aws;

/// <summary>Uploads a signing certificate (PEM) for a user.</summary>
public sealed record UploadSigningCertificateRequest(string UserName, string CertificateBody);
