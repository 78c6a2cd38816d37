using Grpc.Net.Client;
using System.Security.Cryptography.X509Certificates;
using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Tests.Auth;

/// <summary>
/// Client certificates (mTLS) on the gateway's TLS port beside bearer tokens: certificates made at
/// test time, the caller and roles mapped from subject or DNS name by configuration.
/// </summary>
public sealed class ClientCertificateTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _trusted = new("credir-test-client-ca");
    private readonly TestCertificates _stranger = new("someone-elses-ca");
    private readonly string _folder = IncidentsBackend.NewFolder();
    private GatewayHost? _gateway;

    public async Task InitializeAsync() =>
        _gateway = await GatewayHost.StartAsync(Settings(), configure: IncidentsBackend.AddIncidents);

    [Fact]
    public async Task Certificate_MappedByCommonName_OpensTheIncidentAsItsConfiguredCaller()
    {
        using var certificate = _trusted.Issue("soar-1");
        using var channel = Channel(certificate);

        var opened = await new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).OpenIncidentAsync(Open("mtls-open"), new CallOptions());

        Assert.Equal("soar-platform", opened.OpenedBy);
    }

    [Fact]
    public async Task Certificate_MappedByDnsName_ApprovesAndIsRecordedAsTheApprover()
    {
        using var tokens = Channel(certificate: null);
        var (incidentId, approvalId) = await Approvals.PendingAsync(new CredIr.Contracts.V1.Incidents.IncidentsClient(tokens), "mtls-approve");
        using var certificate = _trusted.Issue("approval-bot", dnsName: "approver.credir.test");
        using var channel = Channel(certificate);

        var decided = await new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).ApproveAsync(new DecideRequest { IncidentId = incidentId, ApprovalId = approvalId }, new CallOptions());

        Assert.Equal("approval-bot", decided.Approvals.Single(a => a.ApprovalId == approvalId).DecidedBy);
    }

    [Fact]
    public async Task Certificate_FromAnotherIssuer_IsUnauthenticated()
    {
        using var certificate = _stranger.Issue("soar-1");
        using var channel = Channel(certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).OpenIncidentAsync(Open("mtls-stranger"), new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("trusted issuer", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_TrustedButMappedToNoCaller_IsUnauthenticated()
    {
        using var certificate = _trusted.Issue("unknown-robot");
        using var channel = Channel(certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).OpenIncidentAsync(Open("mtls-unmapped"), new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("mapped to no caller", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_MappedToResponder_CannotApprove()
    {
        using var certificate = _trusted.Issue("soar-1");
        using var channel = Channel(certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => new CredIr.Contracts.V1.Incidents.IncidentsClient(channel)
            .ApproveAsync(new DecideRequest { IncidentId = "i", ApprovalId = "a" }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task BearerToken_OnTheTlsPortWithoutACertificate_StillWorks()
    {
        using var channel = Channel(certificate: null);

        var opened = await new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).OpenIncidentAsync(Open("mtls-token"), Approvals.As("rita", "responder"));

        Assert.Equal("rita", opened.OpenedBy);
    }

    [Fact]
    public async Task Enabled_WithoutIssuersOrCallers_FailsAtStartNamingTheKeys()
    {
        var settings = Settings();
        settings.Remove("Gateway:Auth:ClientCertificates:TrustedIssuers:0");
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Gateway:Auth:ClientCertificates:Callers", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        await using var app = GatewayHost.Build(settings, "http://127.0.0.1:0", IncidentsBackend.AddIncidents);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Gateway:Auth:ClientCertificates:TrustedIssuers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Auth:ClientCertificates:Callers", error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        _trusted.Dispose();
        _stranger.Dispose();
    }

    private static OpenIncidentRequest Open(string requestId) =>
        new() { RequestId = requestId, Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" } };

    private Dictionary<string, string?> Settings()
    {
        var settings = GatewayHost.Settings();
        foreach (var (key, value) in IncidentsBackend.Settings(_folder))
        {
            settings[key] = value;
        }

        settings["Kestrel:Endpoints:Tls:Url"] = "https://127.0.0.1:0";
        settings["Kestrel:Endpoints:Tls:Certificate:Path"] = _trusted.ServerPfxPath;
        settings["Kestrel:Endpoints:Tls:Certificate:Password"] = TestCertificates.ServerPassword;
        settings["Gateway:Auth:ClientCertificates:Enabled"] = "true";
        settings["Gateway:Auth:ClientCertificates:TrustedIssuers:0"] = _trusted.CaPemPath;
        settings["Gateway:Auth:ClientCertificates:Callers:0:CommonName"] = "soar-1";
        settings["Gateway:Auth:ClientCertificates:Callers:0:Caller"] = "soar-platform";
        settings["Gateway:Auth:ClientCertificates:Callers:0:Roles:0"] = "responder";
        settings["Gateway:Auth:ClientCertificates:Callers:1:DnsName"] = "approver.credir.test";
        settings["Gateway:Auth:ClientCertificates:Callers:1:Roles:0"] = "approver";
        return settings;
    }

    /// <summary>A channel to the TLS port trusting the gateway's test certificate, offering <paramref name="certificate"/>.</summary>
    private GrpcChannel Channel(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) => server?.GetCertHashString() == _trusted.ServerThumbprint;
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return GrpcChannel.ForAddress(_gateway!.Address, new GrpcChannelOptions { HttpHandler = handler });
    }
}
