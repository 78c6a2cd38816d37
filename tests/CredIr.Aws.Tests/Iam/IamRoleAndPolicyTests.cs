using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Iam;

public sealed class IamRoleAndPolicyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
    private const string ReadS3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public async Task Role_CreateGetUpdateTrust_ReturnsDecodedTrustPolicy()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateRoleAsync(new CreateRoleRequest("web-role", Trust) { Description = "web tier" });

        await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest("web-role", DenyAll.Replace("\"Action\":\"*\",\"Resource\":\"*\"", "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"", StringComparison.Ordinal)));
        var role = (await iam.GetRoleAsync(new GetRoleRequest("web-role"))).Role;
        var roles = await iam.ListRolesAsync().ToListAsync();

        Assert.Contains("\"Deny\"", role.AssumeRolePolicyDocument, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:iam::{TestScenario.Management}:role/web-role", role.Arn);
        Assert.Contains(roles, r => r.RoleName == "web-role");
    }

    [Fact]
    public async Task InlinePolicies_PutGetListDelete_OnUserAndRole()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateRoleAsync(new CreateRoleRequest("inline-role", Trust));

        await iam.PutUserPolicyAsync(new PutUserPolicyRequest("alice", "credir-deny-all", DenyAll));
        await iam.PutRolePolicyAsync(new PutRolePolicyRequest("inline-role", "AWSRevokeOlderSessions", DenyAll));
        var userPolicy = await iam.GetUserPolicyAsync(new GetUserPolicyRequest("alice", "credir-deny-all"));
        var rolePolicy = await iam.GetRolePolicyAsync(new GetRolePolicyRequest("inline-role", "AWSRevokeOlderSessions"));
        var userNames = await iam.ListUserPoliciesAsync(new ListUserPoliciesRequest("alice")).ToListAsync();
        var roleNames = await iam.ListRolePoliciesAsync(new ListRolePoliciesRequest("inline-role")).ToListAsync();
        await iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest("alice", "credir-deny-all"));
        await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest("inline-role", "AWSRevokeOlderSessions"));

        Assert.Contains("\"Deny\"", userPolicy.PolicyDocument, StringComparison.Ordinal);
        Assert.Equal("inline-role", rolePolicy.OwnerName);
        Assert.Contains("credir-deny-all", userNames);
        Assert.Equal(["AWSRevokeOlderSessions"], roleNames);
        Assert.Empty(await iam.ListRolePoliciesAsync(new ListRolePoliciesRequest("inline-role")).ToListAsync());
    }

    [Fact]
    public async Task ManagedPolicy_VersionsAttachmentsAndDeletion_FollowIamRules()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateRoleAsync(new CreateRoleRequest("policy-role", Trust));
        var policy = (await iam.CreatePolicyAsync(new CreatePolicyRequest("read-s3", ReadS3))).Policy;

        var v2 = (await iam.CreatePolicyVersionAsync(new CreatePolicyVersionRequest(policy.Arn, DenyAll, SetAsDefault: true))).PolicyVersion;
        await iam.SetDefaultPolicyVersionAsync(new SetDefaultPolicyVersionRequest(policy.Arn, "v1"));
        var versions = await iam.ListPolicyVersionsAsync(new ListPolicyVersionsRequest(policy.Arn)).ToListAsync();
        var v1 = (await iam.GetPolicyVersionAsync(new GetPolicyVersionRequest(policy.Arn, "v1"))).PolicyVersion;
        await iam.AttachUserPolicyAsync(new AttachUserPolicyRequest("alice", policy.Arn));
        await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest("policy-role", policy.Arn));
        var userAttached = await iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest("alice")).ToListAsync();
        var roleAttached = await iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest("policy-role")).ToListAsync();
        var attachedCount = (await iam.GetPolicyAsync(new GetPolicyRequest(policy.Arn))).Policy.AttachmentCount;
        var entities = await iam.ListEntitiesForPolicyAsync(new ListEntitiesForPolicyRequest(policy.Arn)).ToListAsync();
        var conflict = await Assert.ThrowsAsync<AwsServiceException>(() => iam.DeletePolicyAsync(new DeletePolicyRequest(policy.Arn)));
        await iam.DetachUserPolicyAsync(new DetachUserPolicyRequest("alice", policy.Arn));
        await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest("policy-role", policy.Arn));
        await iam.DeletePolicyVersionAsync(new DeletePolicyVersionRequest(policy.Arn, v2.VersionId));
        await iam.DeletePolicyAsync(new DeletePolicyRequest(policy.Arn));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetPolicyAsync(new GetPolicyRequest(policy.Arn)));

        Assert.Equal("v2", v2.VersionId);
        Assert.Equal(["v1", "v2"], versions.Select(v => v.VersionId).Order());
        Assert.True(versions.Single(v => v.VersionId == "v1").IsDefaultVersion);
        Assert.Contains("s3:GetObject", v1.Document, StringComparison.Ordinal);
        Assert.Contains(userAttached, p => p.PolicyArn == policy.Arn);
        Assert.Equal("read-s3", Assert.Single(roleAttached).PolicyName);
        Assert.Equal(2, attachedCount);
        Assert.Equal([(IamEntityKind.User, "alice"), (IamEntityKind.Role, "policy-role")], entities.Select(e => (e.Kind, e.Name)));
        Assert.Equal("DeleteConflict", conflict.Code);
        Assert.Equal("NoSuchEntity", gone.Code);
    }

    [Fact]
    public async Task InstanceProfile_AddListRemoveDelete_TracksTheRole()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin().Iam;
        await iam.CreateRoleAsync(new CreateRoleRequest("profile-role", Trust));
        await iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest("web-profile"));

        await iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("web-profile", "profile-role"));
        var profile = (await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest("web-profile"))).InstanceProfile;
        var forRole = await iam.ListInstanceProfilesForRoleAsync(new ListInstanceProfilesForRoleRequest("profile-role")).ToListAsync();
        var roleInUse = await Assert.ThrowsAsync<AwsServiceException>(() => iam.DeleteRoleAsync(new DeleteRoleRequest("profile-role")));
        await iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest("web-profile", "profile-role"));
        await iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest("web-profile"));
        await iam.DeleteRoleAsync(new DeleteRoleRequest("profile-role"));

        Assert.Equal("profile-role", Assert.Single(profile.Roles).RoleName);
        Assert.Equal("web-profile", Assert.Single(forRole).InstanceProfileName);
        Assert.Equal("DeleteConflict", roleInUse.Code);
        Assert.Equal("NoSuchEntity", (await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetRoleAsync(new GetRoleRequest("profile-role")))).Code);
    }
}
