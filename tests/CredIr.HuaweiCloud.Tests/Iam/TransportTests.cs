using System.Net;
using System.Net.Sockets;
using CredIr.HuaweiCloud.Iam;
using CredIr.HuaweiCloud.Tests.Support;

namespace CredIr.HuaweiCloud.Tests.Iam;

/// <summary>What a caller sees when Huawei never answers, and that one client serves many callers at once.</summary>
public sealed class TransportTests
{
    private static HuaweiCloudOptions At(int port, TimeSpan timeout) => new()
    {
        IamEndpoint = new Uri($"http://127.0.0.1:{port}/huawei/iam"),
        CtsEndpoint = $"http://127.0.0.1:{port}/huawei/cts/{{region}}",
        Credentials = new HuaweiCredentials("HPUAACMEADMINKEY0001", "acmeAdminSecretKey0000000000000000000001"),
        CallTimeout = timeout,
    };

    [Fact]
    public async Task Call_EndpointAcceptsButNeverAnswers_TimeoutErrorNamingTheSetting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var http = new HttpClient();
        var iam = new HuaweiIamClient(http, At(((IPEndPoint)listener.LocalEndpoint).Port, TimeSpan.FromMilliseconds(300)));

        // The kernel completes the connection (the listener's backlog) and the request is sent; nobody ever reads it.
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() => iam.SetAccessKeyStatusAsync("HPUACIDEPLOYLEAKED01", active: false, CancellationToken.None));
        Assert.Equal(HuaweiCloudException.TimeoutCode, failure.ErrorCode);
        Assert.True(failure.IsTransient);
        Assert.Contains("HuaweiCloud:CallTimeout", failure.Message, StringComparison.Ordinal);
        Assert.Equal("UpdateAccessKey", failure.Operation);
    }

    [Fact]
    public async Task Call_NothingListens_UnreachableError()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() =>
            new HuaweiIamClient(http, At(port, TimeSpan.FromSeconds(30))).GetAccessKeyAsync("HPUACIDEPLOYLEAKED01", CancellationToken.None));

        Assert.Equal(HuaweiCloudException.UnreachableCode, failure.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.DoesNotContain("acmeAdminSecretKey", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClient_ManyConcurrentCalls_EveryCallSignedAndAnswered()
    {
        await using var sandbox = await HuaweiSandbox.StartAsync();
        var iam = sandbox.Iam();

        var projects = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => iam.ListProjectsAsync(sandbox.Cloud.Regions[i % 3], CancellationToken.None)));

        Assert.All(projects.Select((p, i) => (p, i)), x => Assert.Equal(sandbox.Cloud.Regions[x.i % 3], Assert.Single(x.p).Name));
    }

    [Theory]
    [InlineData("ftp://iam.example.com", "https://cts.{region}.example.com", "IamEndpoint")]
    [InlineData("https://iam.example.com", "https://cts.example.com", "CtsEndpoint")]
    public void Options_Invalid_NameTheKeyToFix(string iam, string cts, string key)
    {
        var options = new HuaweiCloudOptions { IamEndpoint = new Uri(iam), CtsEndpoint = cts, Credentials = new HuaweiCredentials("AK", "SK") };

        var failure = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("HuaweiCloud:" + key, failure.Message, StringComparison.Ordinal);
    }
}
