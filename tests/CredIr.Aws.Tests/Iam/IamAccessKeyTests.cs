using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Iam;

public sealed class IamAccessKeyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task CreateAccessKey_NewKey_SignsRequestsAndHidesItsSecret()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateUserAsync(new CreateUserRequest("dave"));

        var created = await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest("dave"));
        var asDave = clients.Runtime.CreateScope(AwsCredentialChain.FromKeys(created.AccessKey.AccessKeyId, created.AccessKey.SecretAccessKey));
        var identity = await asDave.Sts.GetCallerIdentityAsync();

        Assert.StartsWith("AKIA", created.AccessKey.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, created.AccessKey.Status);
        Assert.EndsWith(":user/dave", identity.Arn, StringComparison.Ordinal);
        Assert.DoesNotContain(created.AccessKey.SecretAccessKey, created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAccessKey_Inactive_KeyIsRefusedAndListedInactive()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateUserAsync(new CreateUserRequest("erin"));
        var key = (await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest("erin"))).AccessKey;

        await iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest(key.AccessKeyId, AccessKeyStatus.Inactive, "erin"));
        var listed = await iam.ListAccessKeysAsync(new ListAccessKeysRequest("erin")).ToListAsync();
        var asErin = clients.Runtime.CreateScope(AwsCredentialChain.FromKeys(key.AccessKeyId, key.SecretAccessKey));
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => asErin.Sts.GetCallerIdentityAsync());

        Assert.Equal(AccessKeyStatus.Inactive, Assert.Single(listed).Status);
        Assert.Equal("InvalidClientTokenId", refused.Code);
    }

    [Fact]
    public async Task GetAccessKeyLastUsed_KeyThatSigned_ReportsServiceAndRegion()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        await clients.As("bob", "eu-west-1").Sts.GetCallerIdentityAsync();
        var bobKey = fixture.Sandbox.Credentials("bob").AccessKeyId;

        var lastUsed = await clients.Admin().Iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(bobKey));

        Assert.Equal("bob", lastUsed.UserName);
        Assert.NotNull(lastUsed.AccessKeyLastUsed.LastUsedDate);
        Assert.Equal("sts", lastUsed.AccessKeyLastUsed.ServiceName);
    }

    [Fact]
    public async Task DeleteAccessKey_DeletedKey_IsGoneFromTheList()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateUserAsync(new CreateUserRequest("frank"));
        var key = (await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest("frank"))).AccessKey;

        await iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest(key.AccessKeyId, "frank"));

        Assert.Empty(await iam.ListAccessKeysAsync(new ListAccessKeysRequest("frank")).ToListAsync());
    }

    [Fact]
    public async Task ListAccessKeys_NoUserName_ListsTheCallersOwnKeys()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var keys = await clients.As("bob").Iam.ListAccessKeysAsync(new ListAccessKeysRequest()).ToListAsync();

        Assert.Equal(fixture.Sandbox.Credentials("bob").AccessKeyId, Assert.Single(keys).AccessKeyId);
    }

    [Fact]
    public async Task UserWithoutPermissions_IsDeniedAsAccessDenied_WithoutRetry()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.As("bob").Iam.ListUsersAsync().ToListAsync());

        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal(403, (int)error.HttpStatus);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, clients.Counter.Count);
    }
}
