using CredIr.HuaweiCloud.Iam;
using CredIr.HuaweiCloud.Tests.Support;

namespace CredIr.HuaweiCloud.Tests.Iam;

public sealed class UserTests : IAsyncLifetime
{
    private HuaweiSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await HuaweiSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task DisableUser_ActorsUser_EveryKeyOfItRefused()
    {
        var iam = _sandbox.Iam();
        var backup = _sandbox.Cloud.UserId("ops-backup");
        var persistence = _sandbox.Iam(new HuaweiCredentials(HuaweiSandbox.PersistenceKey, _sandbox.Cloud.Credentials("$create-key").SecretAccessKey));

        var user = await iam.SetUserEnabledAsync(backup, enabled: false, CancellationToken.None);

        Assert.False(user.Enabled);
        Assert.Equal("ops-backup", user.Name);
        var refused = await Assert.ThrowsAsync<HuaweiCloudException>(() => persistence.ListProjectsAsync(null, CancellationToken.None));
        Assert.Equal("APIGW.0301", refused.ErrorCode);
        Assert.False((await iam.GetUserAsync(backup, CancellationToken.None)).Enabled);
    }

    [Fact]
    public async Task SetLoginProtection_On_ReadBackWithItsMethod()
    {
        var iam = _sandbox.Iam();
        var alice = _sandbox.Cloud.UserId("alice");

        await iam.SetLoginProtectionAsync(alice, enabled: true, "vmfa", CancellationToken.None);

        var protection = await iam.GetLoginProtectionAsync(alice, CancellationToken.None);
        Assert.True(protection.Enabled);
        Assert.Equal("vmfa", protection.VerificationMethod);
    }

    [Fact]
    public async Task SetLoginProtection_UnknownMethod_BadRequestNamingTheField()
    {
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() =>
            _sandbox.Iam().SetLoginProtectionAsync(_sandbox.Cloud.UserId("alice"), enabled: true, "carrier-pigeon", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.Status);
        Assert.Contains("verification_method", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemporaryAccessKey_OwnToken_WorksUntilItExpires()
    {
        var temporary = await _sandbox.Iam("alice").CreateTemporaryAccessKeyAsync(new TemporaryAccessKeyRequest { Duration = TimeSpan.FromMinutes(15) }, CancellationToken.None);
        var session = _sandbox.Iam(temporary.Credentials);
        Assert.NotEmpty(await session.ListProjectsAsync(null, CancellationToken.None));
        Assert.DoesNotContain(temporary.Credentials.SecretAccessKey, temporary.ToString(), StringComparison.Ordinal);

        _sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(16));

        var expired = await Assert.ThrowsAsync<HuaweiCloudException>(() => session.ListProjectsAsync(null, CancellationToken.None));
        Assert.Equal("APIGW.0301", expired.ErrorCode);
        Assert.Contains("expired", expired.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemporaryAccessKey_AssumeAgency_CallsRecordedAsTheAgency()
    {
        var temporary = await _sandbox.Iam("alice").CreateTemporaryAccessKeyAsync(
            new TemporaryAccessKeyRequest { AgencyName = "ops-readonly-agency", DomainName = "acme-cloud" }, CancellationToken.None);

        await _sandbox.Iam(temporary.Credentials).ListProjectsAsync("eu-west-101", CancellationToken.None);

        var trace = _sandbox.Cloud.Traces("cn-north-4")[^1];
        Assert.Equal("listProjects", trace["trace_name"]!.ToString());
        Assert.Equal("AssumedAgency", trace["user"]!["type"]!.ToString());
        Assert.Equal(temporary.Credentials.AccessKeyId, trace["user"]!["access_key_id"]!.ToString());
    }

    [Fact]
    public async Task TemporaryAccessKey_UnknownAgency_NotFound()
    {
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() => _sandbox.Iam("alice").CreateTemporaryAccessKeyAsync(
            new TemporaryAccessKeyRequest { AgencyName = "no-such-agency", DomainName = "acme-cloud" }, CancellationToken.None));

        Assert.True(failure.IsNotFound);
    }

    [Fact]
    public async Task RegionProjectId_EachRegion_TheProjectCtsUses()
    {
        var iam = _sandbox.Iam();

        foreach (var region in _sandbox.Cloud.Regions)
        {
            Assert.Equal(_sandbox.Cloud.ProjectId(region), await iam.GetRegionProjectIdAsync(region, CancellationToken.None));
        }

        var missing = await Assert.ThrowsAsync<HuaweiCloudException>(() => iam.GetRegionProjectIdAsync("la-south-2", CancellationToken.None));
        Assert.Contains("la-south-2", missing.ErrorMessage, StringComparison.Ordinal);
    }
}
