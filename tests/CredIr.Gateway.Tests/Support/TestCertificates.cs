using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// Certificates made at test time: a client CA (as PEM, for Gateway:Auth:ClientCertificates),
/// client certificates it issues, and the gateway's own TLS certificate for 127.0.0.1 (as PFX, for
/// Kestrel). Files live in a temporary folder deleted on dispose.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    public const string ServerPassword = "test";
    private readonly X509Certificate2 _ca;

    public TestCertificates(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), "credir-mtls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _ca = Authority(name);
        CaPemPath = Path.Combine(Folder, name + ".pem");
        File.WriteAllText(CaPemPath, _ca.ExportCertificatePem());
        using var serverKey = RSA.Create(2048);
        var server = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        server.CertificateExtensions.Add(names.Build());
        using var serverCertificate = server.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        ServerThumbprint = serverCertificate.Thumbprint;
        ServerPfxPath = Path.Combine(Folder, "server.pfx");
        File.WriteAllBytes(ServerPfxPath, serverCertificate.Export(X509ContentType.Pfx, ServerPassword));
    }

    public string Folder { get; }

    public string CaPemPath { get; }

    public string ServerPfxPath { get; }

    public string ServerThumbprint { get; }

    /// <summary>A client certificate from this CA: subject "CN=<paramref name="commonName"/>, O=CredIr Tests", an optional DNS SAN.</summary>
    public X509Certificate2 Issue(string commonName, string? dnsName = null, bool clientAuth = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=CredIr Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(clientAuth ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], critical: false));
        if (dnsName is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(dnsName);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(_ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // SslStream on Linux wants a certificate whose key it can use as it is loaded from a PFX.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), password: null);
    }

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
