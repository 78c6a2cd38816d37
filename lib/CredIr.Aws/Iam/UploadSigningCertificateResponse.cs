namespace CredIr.Aws;

/// <summary>The certificate uploaded.</summary>
public sealed record UploadSigningCertificateResponse(IamSigningCertificate Certificate, string? RequestId);
