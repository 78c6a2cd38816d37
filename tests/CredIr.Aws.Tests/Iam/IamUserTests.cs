using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Iam;

public sealed class IamUserTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task GetUser_ExistingUser_ReturnsItsArnAndPath()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var response = await clients.Admin().Iam.GetUserAsync(new GetUserRequest("alice"));

        Assert.Equal($"arn:aws:iam::{TestScenario.Management}:user/alice", response.User.Arn);
        Assert.Equal("/", response.User.Path);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task GetUser_MissingUser_ThrowsNoSuchEntityWithRequestId()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().Iam.GetUserAsync(new GetUserRequest("nobody")));

        Assert.Equal("NoSuchEntity", error.Code);
        Assert.Equal(404, (int)error.HttpStatus);
        Assert.Equal("iam", error.Service);
        Assert.Equal("GetUser", error.Operation);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(1, clients.Counter.Count);
    }

    [Fact]
    public async Task ListUsers_ManyUsers_FollowsMarkersAcrossPages()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin(TestScenario.Workload).Iam;
        for (var i = 0; i < 25; i++)
        {
            await iam.CreateUserAsync(new CreateUserRequest($"bulk-{i:D3}"));
        }

        clients.Counter.Reset();
        var users = await iam.ListUsersAsync(new ListUsersRequest(MaxItems: 10)).ToListAsync();

        Assert.Equal(25, users.Count(u => u.UserName.StartsWith("bulk-", StringComparison.Ordinal)));
        Assert.Equal(users.Count, users.Select(u => u.UserName).Distinct().Count());
        Assert.Equal(3, clients.Counter.Count);
    }

    [Fact]
    public async Task UserLifecycle_CreateProfileGroupDelete_EachStepIsVisible()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;

        var created = await iam.CreateUserAsync(new CreateUserRequest("carol"));
        await iam.CreateLoginProfileAsync(new CreateLoginProfileRequest("carol", "Initial-Passw0rd!"));
        var profile = await iam.GetLoginProfileAsync(new GetLoginProfileRequest("carol"));
        await iam.AddUserToGroupAsync(new AddUserToGroupRequest("developers", "carol"));
        var groups = await iam.ListGroupsForUserAsync(new ListGroupsForUserRequest("carol")).ToListAsync();
        await iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest("developers", "carol"));
        await iam.DeleteLoginProfileAsync(new DeleteLoginProfileRequest("carol"));
        var noProfile = await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetLoginProfileAsync(new GetLoginProfileRequest("carol")));
        await iam.DeleteUserAsync(new DeleteUserRequest("carol"));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetUserAsync(new GetUserRequest("carol")));

        Assert.Equal("carol", created.User.UserName);
        Assert.Equal("carol", profile.LoginProfile.UserName);
        Assert.Equal(["developers"], groups.Select(g => g.GroupName));
        Assert.Equal("NoSuchEntity", noProfile.Code);
        Assert.Equal("NoSuchEntity", gone.Code);
    }

    [Fact]
    public async Task MfaDevice_Deactivated_IsNoLongerListed()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        var serial = $"arn:aws:iam::{TestScenario.Management}:mfa/alice-phone";

        var before = await iam.ListMfaDevicesAsync(new ListMfaDevicesRequest("alice")).ToListAsync();
        await iam.DeactivateMfaDeviceAsync(new DeactivateMfaDeviceRequest("alice", serial));
        var after = await iam.ListMfaDevicesAsync(new ListMfaDevicesRequest("alice")).ToListAsync();
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => iam.DeactivateMfaDeviceAsync(new DeactivateMfaDeviceRequest("alice", serial)));

        Assert.Equal(serial, Assert.Single(before).SerialNumber);
        Assert.Empty(after);
        Assert.Equal("NoSuchEntity", again.Code);
    }

    [Fact]
    public async Task DeleteUser_WithGroupsLeft_ThrowsDeleteConflictWithoutRetry()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().Iam.DeleteUserAsync(new DeleteUserRequest("alice")));

        Assert.Equal("DeleteConflict", error.Code);
        Assert.Equal(1, error.Attempts);
    }
}
