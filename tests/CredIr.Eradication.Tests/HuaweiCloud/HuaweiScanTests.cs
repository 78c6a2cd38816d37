using CredIr.Contracts.V1;
using CredIr.Sandbox;
using Grpc.Core;
using CredentialKind = CredIr.Contracts.V1.CredentialKind;

namespace CredIr.Eradication.Tests.HuaweiCloud;

/// <summary>
/// The Scan RPC's implementation on Huawei Cloud: the huawei-ak-leak account's CTS over real HTTP (every call signed),
/// followed by the same closure, classification and derived-credential rules as AWS.
/// </summary>
public sealed class HuaweiScanTests : IAsyncLifetime
{
    private const string LeakedAk = HuaweiEradicationSandbox.LeakedAk;
    private const string PersistenceAk = HuaweiEradicationSandbox.PersistenceAk;

    private HuaweiEradicationSandbox _h = null!;
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync()
    {
        _h = await HuaweiEradicationSandbox.StartAsync();
        _sandbox = _h.Sandbox;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private ScanRequest Request(TimeSpan since) => _h.Request(since);

    private Task<List<ScanUpdate>> ScanAsync(ScanRequest request) => _h.ScanAsync(request);

    [Fact]
    public async Task LeakedAk_EveryActorCallInEveryRegionProject_AndTheCredentialsItDerived()
    {
        var updates = await ScanAsync(Request(TimeSpan.FromMinutes(161)));

        var events = updates.Where(static u => u.Event is not null).Select(static u => u.Event).ToList();
        Assert.All(events, static e => Assert.Equal(CloudProvider.HuaweiCloud, e.Provider));
        Assert.Equal(["createCredential", "createUser", "getCredential", "listAgencies", "listProjects", "updateRole"],
            events.Where(static e => e.AccessKeyId == LeakedAk).Select(static e => e.EventName).Order(StringComparer.Ordinal));
        Assert.Equal([("cn-north-4", "assumeRole"), ("cn-north-4", "listProjects"), ("ap-southeast-1", "listTraces")],
            events.Where(static e => e.AccessKeyId == PersistenceAk).Select(static e => (e.Region, e.EventName)).OrderBy(static p => p.EventName, StringComparer.Ordinal));
        Assert.DoesNotContain(events, static e => e.SourceIpAddress.StartsWith("198.51.100.", StringComparison.Ordinal));

        var created = Assert.Single(events, static e => e.EventName == "createUser");
        Assert.Contains(EventCategory.IdentityPersistence, created.Categories);
        Assert.Contains(EventCategory.Modification, Assert.Single(events, static e => e.EventName == "updateRole").Categories);

        var derived = updates.Where(static u => u.Credential is not null).Select(static u => u.Credential).ToList();
        Assert.All(derived, static c => Assert.Equal(CloudProvider.HuaweiCloud, c.Provider));
        var key = Assert.Single(derived, static c => c.AccessKeyId == PersistenceAk);
        Assert.Equal((CredentialKind.AccessKey, LeakedAk, "createCredential"), (key.Kind, key.Provenance.DerivedFromAccessKeyId, key.Provenance.CreatedByEventName));
        var agency = Assert.Single(derived, static c => c.Kind == CredentialKind.RoleSession);
        Assert.Equal((PersistenceAk, "assumeRole"), (agency.Provenance.DerivedFromAccessKeyId, agency.Provenance.CreatedByEventName));
        Assert.Equal(_sandbox.Huawei!.Credentials("$assume-agency").AccessKeyId, agency.AccessKeyId);
        Assert.Contains(derived, c => c.Kind == CredentialKind.IamUser && c.PrincipalArn == $"iam::{_sandbox.Huawei.DomainId}:user:ops-backup");

        var summary = updates[^1].Summary;
        Assert.Equal(9, summary.EventsAttributed);
        Assert.True(summary.Complete);
    }

    [Fact]
    public async Task SinceAfterTheUserWasCreated_ItsCallsAreNotTheActorsAndNothingIsDerived()
    {
        var updates = await ScanAsync(Request(TimeSpan.FromMinutes(10)));

        Assert.DoesNotContain(updates, static u => u.Event is not null || u.Credential is not null);
        Assert.Equal(0, updates[^1].Summary.EventsAttributed);
    }

    [Fact]
    public async Task SinceBeforeCtsRetention_GapSaysTheOlderTracesAreNotRead()
    {
        var updates = await ScanAsync(Request(TimeSpan.FromDays(30)));

        Assert.Contains(updates, static u => u.Gap is not null && u.Gap.Reason.Contains("last 7 days only", StringComparison.Ordinal));
        Assert.Equal(9, updates[^1].Summary.EventsAttributed);
    }

    [Fact]
    public async Task LogFilesAskedForAHuaweiAk_InvalidArgument()
    {
        var request = Request(TimeSpan.FromHours(3));
        request.Source = Contracts.V1.TrailSourceKind.LogFiles;
        request.LogLocation = "/tmp";

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
