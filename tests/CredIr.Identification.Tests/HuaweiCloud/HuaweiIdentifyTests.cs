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
