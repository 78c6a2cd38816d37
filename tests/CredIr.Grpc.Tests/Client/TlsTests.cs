using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CredIr.Grpc.Tests.Echo;
using CredIr.Grpc.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Grpc.Tests.Client;

/// <summary>A host given a certificate through Kestrel's configuration serves gRPC over TLS (ALPN h2) and HTTP/1.1 beside it.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"credir-grpc-{Guid.NewGuid():N}.pfx");
    private WebApplication? _app;
    private Uri _address = null!;
    private string _thumbprint = string.Empty;

    public async Task InitializeAsync()
    {
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            _thumbprint = certificate.Thumbprint;
            await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pfx, "test"));
        }

        var builder = WebApplication.CreateBuilder(
        [
            "--Kestrel:Endpoints:Tls:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Tls:Certificate:Path={_certificatePath}",
            "--Kestrel:Endpoints:Tls:Certificate:Password=test",
        ]);
        builder.Logging.ClearProviders();
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton(new EchoProbe());
        builder.Services.AddSingleton<IEchoService, EchoService>();
        _app = builder.Build();
        _app.MapGrpcService<IEchoService>();
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    [Fact]
    public async Task Https_WithAConfiguredCertificate_ServesGrpcAndAnswersHttp11Too()
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = IsTestCertificate;
        using var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = handler });
        using var http11 = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = IsTestCertificate } });

        var reply = await channel.CreateClient<IEchoService>().SayAsync(new EchoRequest { Text = "over tls" }, new CallContext());
        using var plain = await http11.GetAsync(new Uri(_address, "/"));
        using var grpcOverHttp11 = await http11.PostAsync(new Uri(_address, "/credir.test.v1.Echo/Say"), new ByteArrayContent([0, 0, 0, 0, 0]) { Headers = { { "content-type", "application/grpc" } } });

        Assert.Equal("https", _address.Scheme);
        Assert.Equal("over tls", reply.Text);
        Assert.Equal(new Version(1, 1), plain.Version);
        Assert.Equal(HttpStatusCode.UpgradeRequired, grpcOverHttp11.StatusCode);
    }

    // The self-signed certificate is trusted by its thumbprint, and nothing else is.
    private bool IsTestCertificate(object sender, X509Certificate? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == _thumbprint;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        File.Delete(_certificatePath);
    }
}
