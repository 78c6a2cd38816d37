using System.Text.Json;
using CredIr.HuaweiCloud.Tests.Support;

namespace CredIr.HuaweiCloud.Tests.Signing;

/// <summary>Python's standard library signs; the sandbox (a third implementation) must accept it or refuse it as Huawei does.</summary>
public sealed class IndependentSignerTests : IAsyncLifetime
{
    private HuaweiSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await HuaweiSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task PythonSignedRequest_RightSecret_SandboxAnswersWithTheProject()
    {
        var alice = _sandbox.Cloud.Credentials("alice");

        var (status, body) = await PythonSigner.SendAsync(new Uri(_sandbox.Cloud.IamEndpoint + "/v3/projects?name=ap-southeast-1"), "GET", alice.AccessKeyId, alice.SecretAccessKey);

        Assert.Equal(200, status);
        var project = Assert.Single(body.GetProperty("projects").EnumerateArray());
        Assert.Equal(_sandbox.Cloud.ProjectId("ap-southeast-1"), project.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PythonSignedPut_WithBody_SandboxAppliesIt()
    {
        var admin = _sandbox.Cloud.Credentials("acme-admin");

        var (status, body) = await PythonSigner.SendAsync(new Uri(_sandbox.Cloud.IamEndpoint + "/v3.0/OS-CREDENTIAL/credentials/HPUAALICEDEVKEY00001"), "PUT",
            admin.AccessKeyId, admin.SecretAccessKey, new { credential = new { status = "inactive" } });

        Assert.Equal(200, status);
        Assert.Equal("inactive", body.GetProperty("credential").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PythonSignedRequest_WrongSecret_RefusedWithApigw0301()
    {
        var (status, body) = await PythonSigner.SendAsync(new Uri(_sandbox.Cloud.IamEndpoint + "/v3/projects"), "GET", "HPUAALICEDEVKEY00001", "not-alices-secret");

        Assert.Equal(401, status);
        Assert.Equal("APIGW.0301", body.GetProperty("error_code").GetString());
        Assert.Contains("verify aksk signature fail", body.GetProperty("error_msg").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-alices-secret", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestWithoutSignature_Refused_AndNotRecorded()
    {
        using var http = new HttpClient();
        var before = _sandbox.Cloud.Traces("cn-north-4").Count;

        using var response = await http.GetAsync(new Uri(_sandbox.Cloud.IamEndpoint + "/v3/projects"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("APIGW.0301", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error_code").GetString());
        Assert.Equal(before, _sandbox.Cloud.Traces("cn-north-4").Count);
    }
}
