using System.Net;
using CredIr.HuaweiCloud.Tests.Support;

namespace CredIr.HuaweiCloud.Tests.Iam;

public sealed class AccessKeyTests : IAsyncLifetime
{
    private HuaweiSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await HuaweiSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task GetAccessKey_LeakedKey_NamesItsOwnerActiveAndLastUsedByTheActor()
    {
        var key = await _sandbox.Iam().GetAccessKeyAsync(HuaweiSandbox.LeakedKey, CancellationToken.None);

        Assert.Equal(_sandbox.Cloud.UserId("ci-deployer"), key.UserId);
        Assert.True(key.IsActive);
        Assert.Equal("pipeline", key.Description);
        Assert.True(key.LastUseTime > key.CreateTime, "the actor's calls updated last_use_time");
    }

    [Fact]
    public async Task SetAccessKeyStatus_Inactive_TheKeyIsRefusedAsHuaweiRefusesIt()
    {
        var iam = _sandbox.Iam();
        var leaked = _sandbox.Iam("ci-deployer");
        await leaked.ListProjectsAsync(null, CancellationToken.None);

        var updated = await iam.SetAccessKeyStatusAsync(HuaweiSandbox.LeakedKey, active: false, CancellationToken.None);

        Assert.Equal("inactive", updated.Status);
        var refused = await Assert.ThrowsAsync<HuaweiCloudException>(() => leaked.ListProjectsAsync(null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("APIGW.0301", refused.ErrorCode);
        Assert.True(refused.IsAuthenticationFailure);
        Assert.Equal("inactive", (await iam.GetAccessKeyAsync(HuaweiSandbox.LeakedKey, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task SetAccessKeyStatus_InactiveTwice_SecondChangesNothing()
    {
        var iam = _sandbox.Iam();

        await iam.SetAccessKeyStatusAsync(HuaweiSandbox.LeakedKey, active: false, CancellationToken.None);
        var again = await iam.SetAccessKeyStatusAsync(HuaweiSandbox.LeakedKey, active: false, CancellationToken.None);

        Assert.Equal("inactive", again.Status);
    }

    [Fact]
    public async Task DeleteAccessKey_PersistenceKey_RefusedThenNotFound()
    {
        var iam = _sandbox.Iam();
        var persistence = _sandbox.Iam(new HuaweiCredentials(HuaweiSandbox.PersistenceKey, _sandbox.Cloud.Credentials("$create-key").SecretAccessKey));

        await iam.DeleteAccessKeyAsync(HuaweiSandbox.PersistenceKey, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<HuaweiCloudException>(() => persistence.ListProjectsAsync(null, CancellationToken.None));
        Assert.Equal("APIGW.0301", refused.ErrorCode);
        var missing = await Assert.ThrowsAsync<HuaweiCloudException>(() => iam.GetAccessKeyAsync(HuaweiSandbox.PersistenceKey, CancellationToken.None));
        Assert.True(missing.IsNotFound);
        Assert.Empty(await iam.ListAccessKeysAsync(_sandbox.Cloud.UserId("ops-backup"), CancellationToken.None));
    }

    [Fact]
    public async Task ListAccessKeys_ActorCreatedUser_ShowsTheKeyTheLeakedKeyMadeWithoutItsSecret()
    {
        var keys = await _sandbox.Iam().ListAccessKeysAsync(_sandbox.Cloud.UserId("ops-backup"), CancellationToken.None);

        var key = Assert.Single(keys);
        Assert.Equal(HuaweiSandbox.PersistenceKey, key.Access);
        Assert.True(key.IsActive);
        Assert.DoesNotContain(_sandbox.Cloud.Credentials("$create-key").SecretAccessKey, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccessKey_ForAUser_NewKeyWorksAndItsSecretStaysOutOfToString()
    {
        var created = await _sandbox.Iam().CreateAccessKeyAsync(_sandbox.Cloud.UserId("alice"), "rotation", CancellationToken.None);

        Assert.Equal(20, created.Key.Access.Length);
        Assert.DoesNotContain(created.Credentials.SecretAccessKey, created.ToString(), StringComparison.Ordinal);
        var projects = await _sandbox.Iam(created.Credentials).ListProjectsAsync(null, CancellationToken.None);
        Assert.Equal(3, projects.Count);
    }

    [Fact]
    public async Task GetAccessKey_UnknownKey_NotFoundWithHuaweisMessage()
    {
        var missing = await Assert.ThrowsAsync<HuaweiCloudException>(() => _sandbox.Iam().GetAccessKeyAsync("HPUANOSUCHKEY0000001", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("HPUANOSUCHKEY0000001", missing.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("GetAccessKey", missing.Operation);
    }

    [Fact]
    public async Task AnyCall_Cancelled_StopsWithoutCallingOut()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _sandbox.Iam().SetAccessKeyStatusAsync(HuaweiSandbox.LeakedKey, false, cancelled.Token));

        Assert.True((await _sandbox.Iam().GetAccessKeyAsync(HuaweiSandbox.LeakedKey, CancellationToken.None)).IsActive);
    }
}
