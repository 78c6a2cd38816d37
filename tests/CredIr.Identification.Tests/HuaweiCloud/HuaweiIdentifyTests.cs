using System.Globalization;
using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Identification.Tests.Support;
using Grpc.Core;

namespace CredIr.Identification.Tests.HuaweiCloud;

/// <summary>Identify on Huawei Cloud: the huawei-ak-leak account over real HTTP, every call signed (SDK-HMAC-SHA256).</summary>
public sealed class HuaweiIdentifyTests(SandboxHuaweiIdentification fixture) : IClassFixture<SandboxHuaweiIdentification>
{
    private const string LeakedAk = "HPUACIDEPLOYLEAKED01";

    private DateTimeOffset Now => fixture.Sandbox.Clock.GetUtcNow();

    private Task<IdentifyResponse> IdentifyAsync(string accessKeyId, CloudProvider provider = CloudProvider.HuaweiCloud)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return fixture.Service.IdentifyAsync(new IdentifyRequest { Input = new IdentificationInput { AccessKeyId = accessKeyId, Provider = provider } },
            new CallOptions(cancellationToken: timeout.Token)).ResponseAsync;
    }

    private Task<IdentifyResponse> IdentifyFindingAsync(string findingJson, CloudProvider provider = CloudProvider.Unspecified)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return fixture.Service.IdentifyAsync(new IdentifyRequest { Input = new IdentificationInput { FindingJson = findingJson, Provider = provider } },
            new CallOptions(cancellationToken: timeout.Token)).ResponseAsync;
    }

    // The SecMaster sample made this account's: its domain, and first observed 2h30m ago (ten minutes after the actor's first call).
    private (string Json, DateTimeOffset FirstObserved) SecMasterAlert()
    {
        var alert = JsonNode.Parse(Samples.Read("secmaster-alert-aksk-leak.json"))!.AsObject();
        var data = alert["data_object"]!.AsObject();
        var firstObserved = Now.AddMinutes(-150);
        data["first_observed_time"] = firstObserved.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        data["environment"]!["domain_id"] = fixture.Sandbox.Huawei!.DomainId;
        return (alert.ToJsonString(), firstObserved);
    }

    [Fact]
    public async Task SecMasterAlertWithoutProvider_ResolvesOwnerOnHuaweiWithAlertTimeAsCompromiseTime()
    {
        var (alert, firstObserved) = SecMasterAlert();

        var response = await IdentifyFindingAsync(alert);

        Assert.Equal((InputKind.SecmasterAlert, "AKSK Leakage"), (response.InputKind, response.FindingType));
        var credential = Assert.Single(response.Credentials);
        var domain = fixture.Sandbox.Huawei!.DomainId;
        Assert.Equal((CloudProvider.HuaweiCloud, LeakedAk, "ci-deployer", domain), (credential.Provider, credential.AccessKeyId, credential.UserName, credential.AccountId));
        Assert.Equal($"iam::{domain}:user:ci-deployer", credential.PrincipalArn);
        // The alert's time is the hint; CTS shows an earlier use from a new address (-2h40m), which the window points out.
        Assert.Equal(CompromiseTimeBasis.Finding, response.CompromiseWindow.Basis);
        Assert.Equal(firstObserved.ToUnixTimeSeconds(), response.CompromiseWindow.Start.ToDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains("SecMaster alert first_observed_time", response.CompromiseWindow.Explanation, StringComparison.Ordinal);
        Assert.Contains("an earlier use from a new source", response.CompromiseWindow.Explanation, StringComparison.Ordinal);
        Assert.Contains(response.Evidence, e => e.Source == "secmaster-alert");
    }

    [Fact]
    public async Task CtsKeyEventForLeakedAk_ResolvesOwnerOnHuawei()
    {
        var message = JsonNode.Parse(Samples.Read("cts-key-event-smn.json"))!.AsObject();
        var trace = JsonNode.Parse(message["message"]!.GetValue<string>())!.AsObject();
        trace["time"] = Now.AddMinutes(-154).ToUnixTimeMilliseconds();
        message["message"] = trace.ToJsonString();

        var response = await IdentifyFindingAsync(message.ToJsonString(), CloudProvider.HuaweiCloud);

        Assert.Equal(InputKind.CtsKeyEvent, response.InputKind);
        var credential = Assert.Single(response.Credentials);
        Assert.Equal((CloudProvider.HuaweiCloud, "ci-deployer"), (credential.Provider, credential.UserName));
        Assert.Equal(CompromiseTimeBasis.Finding, response.CompromiseWindow.Basis);
    }

    [Fact]
    public async Task SecMasterAlertMarkedAws_InvalidArgumentNamingProvider()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyFindingAsync(SecMasterAlert().Json, CloudProvider.Aws));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("provider: is AWS, but finding_json is a SecMaster alert of Huawei Cloud", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeakedAk_ResolvesOwnerFromIamAndCompromiseTimeFromCtsTraces()
    {
        var response = await IdentifyAsync(LeakedAk);

        var credential = Assert.Single(response.Credentials);
        var domain = fixture.Sandbox.Huawei!.DomainId;
        Assert.Equal(CloudProvider.HuaweiCloud, credential.Provider);
        Assert.Equal((CredentialKind.AccessKey, "ci-deployer", domain, "Active"), (credential.Kind, credential.UserName, credential.AccountId, credential.Status));
        Assert.Equal($"iam::{domain}:user:ci-deployer", credential.PrincipalArn);
        Assert.InRange(credential.CreatedAt.ToDateTimeOffset(), Now.AddDays(-181), Now.AddDays(-179));
        Assert.Equal([domain], response.AccountIds);

        // ci-deployer's AK was idle for the whole week CTS keeps before the actor's getCredential from 203.0.113.77 (ground truth: -2h40m).
        Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, response.CompromiseWindow.Basis);
        Assert.InRange(response.CompromiseWindow.Start.ToDateTimeOffset(), Now.AddMinutes(-161), Now.AddMinutes(-159));
        Assert.Equal(response.CompromiseWindow.Start, credential.ScanFrom);
        Assert.Contains("203.0.113.77", response.SuspiciousSourceIps);
        var support = Assert.Single(response.CompromiseWindow.EvidenceIds);
        Assert.Contains("getCredential", Assert.Single(response.Evidence, e => e.EvidenceId == support).Summary, StringComparison.Ordinal);
        Assert.Empty(response.Gaps);
    }

    [Fact]
    public async Task DeletedOrUnknownAk_NotFoundNamingHuaweiIam()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyAsync("HPUANOSUCHKEY0000001"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("Huawei Cloud GetAccessKey failed: HTTP 404", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretPastedAsAk_InvalidArgumentWithoutEchoingIt()
    {
        const string secret = "ciDeployerHuaweiLeakedSecret000000000001";

        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyAsync(secret));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.DoesNotContain(secret, error.Status.Detail, StringComparison.Ordinal);
    }

    // The seam's default: an input without a provider is AWS's, and a Huawei AK is no AWS key id.
    [Fact]
    public async Task HuaweiAkWithoutProvider_ReadAsAnAwsKeyAndRefused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyAsync(LeakedAk, CloudProvider.Unspecified));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("AKIA or ASIA", error.Status.Detail, StringComparison.Ordinal);
    }
}
