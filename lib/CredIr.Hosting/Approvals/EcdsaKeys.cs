using System.Security.Cryptography;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// The coordinator's approval signing key and its public half as configured: ECDSA on NIST P-256, as PEM
/// ("PRIVATE KEY", "EC PRIVATE KEY", "PUBLIC KEY") or base64 of the DER (PKCS#8, SubjectPublicKeyInfo), so that a
/// key fits one environment variable. Parsing never echoes the text: it may be a secret.
/// </summary>
internal static class EcdsaKeys
{
    private const string P256 = "1.2.840.10045.3.1.7";

    /// <summary>The private key as PKCS#8 DER, or null when the text is no ECDSA P-256 private key.</summary>
    public static byte[]? PrivateKey(string text) => Read(text, static (ecdsa, der) => ecdsa.ImportPkcs8PrivateKey(der, out _), includePrivate: true);

    /// <summary>The public key as SubjectPublicKeyInfo DER, from a public or a private key's text; null when it is neither.</summary>
    public static byte[]? PublicKey(string text) =>
        Read(text, static (ecdsa, der) => ecdsa.ImportSubjectPublicKeyInfo(der, out _), includePrivate: false) ?? (PrivateKey(text) is { } pkcs8 ? PublicOf(pkcs8) : null);

    /// <summary>The public half of a PKCS#8 private key, as SubjectPublicKeyInfo DER.</summary>
    public static byte[] PublicOf(byte[] pkcs8)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>A new P-256 private key as PKCS#8 DER.</summary>
    public static byte[] Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKey();
    }

    public static byte[] Sign(byte[] pkcs8, byte[] data)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return ecdsa.SignData(data, HashAlgorithmName.SHA256);
    }

    public static bool Verify(byte[] subjectPublicKeyInfo, byte[] data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }

    private static byte[]? Read(string text, Action<ECDsa, byte[]> importDer, bool includePrivate)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----BEGIN ", StringComparison.Ordinal))
            {
                var isPrivate = trimmed.Contains("PRIVATE KEY-----", StringComparison.Ordinal);
                if (isPrivate != includePrivate)
                {
                    return null;
                }

                ecdsa.ImportFromPem(trimmed);
            }
            else
            {
                importDer(ecdsa, Convert.FromBase64String(trimmed));
            }

            if (ecdsa.ExportParameters(false).Curve.Oid is not { } curve || (curve.Value != P256 && curve.FriendlyName is not ("nistP256" or "ECDSA_P256" or "prime256v1")))
            {
                return null;
            }

            return includePrivate ? ecdsa.ExportPkcs8PrivateKey() : ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
