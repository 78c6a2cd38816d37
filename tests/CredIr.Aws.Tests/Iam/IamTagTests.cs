using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Iam;

public sealed class IamTagTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task TagUserAndRole_ListTags_ReturnsWhatWasSet_KeysIgnoringCase()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin(TestScenario.Workload).Iam;
        await iam.CreateUserAsync(new CreateUserRequest("tagged-user"));
        await iam.CreateRoleAsync(new CreateRoleRequest("tagged-role", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

        await iam.TagUserAsync(new TagUserRequest("tagged-user", [new IamTag("app", "pay"), new IamTag("owner", "ops")]));
        await iam.TagUserAsync(new TagUserRequest("tagged-user", [new IamTag("APP", "payments")]));
        await iam.TagRoleAsync(new TagRoleRequest("tagged-role", [new IamTag("app", "warehouse")]));

        Assert.Equal([new IamTag("app", "payments"), new IamTag("owner", "ops")], await iam.ListUserTagsAsync(new ListUserTagsRequest("tagged-user")).ToListAsync());
        Assert.Equal([new IamTag("app", "warehouse")], await iam.ListRoleTagsAsync(new ListRoleTagsRequest("tagged-role")).ToListAsync());
    }

    [Fact]
    public async Task AttachThenDetachGroupPolicy_ListAttached_FollowsBoth()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin(TestScenario.Workload).Iam;
        await iam.CreateGroupAsync(new CreateGroupRequest("detach-group"));
        await iam.AttachGroupPolicyAsync(new AttachGroupPolicyRequest("detach-group", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        var before = await iam.ListAttachedGroupPoliciesAsync(new ListAttachedGroupPoliciesRequest("detach-group")).ToListAsync();

        await iam.DetachGroupPolicyAsync(new DetachGroupPolicyRequest("detach-group", "arn:aws:iam::aws:policy/ReadOnlyAccess"));

        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", Assert.Single(before).PolicyArn);
        Assert.Empty(await iam.ListAttachedGroupPoliciesAsync(new ListAttachedGroupPoliciesRequest("detach-group")).ToListAsync());
    }
}
