namespace CredIr.Aws;

/// <summary>A user's X.509 signing certificate (its body left out).</summary>
public sealed record IamSigningCertificate(string UserName, string CertificateId, string Status, DateTimeOffset? UploadDate);
