using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>
/// Cases the scenario lacks, played for real: the administrator sets something up, the actor (ci-bot's leaked key)
/// changes or deletes it through the sandbox, and recovery plans from the trail it left.
/// </summary>
public sealed class IamRecoveryTests : IAsyncLifetime
{
    private const string DaveArn = "arn:aws:iam::111111111111:user/dave";
    private const string RoleArn = "arn:aws:iam::111111111111:role/reporting";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string Backdoor = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}""";
    private const string ReadReports = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-mgmt-billing/*"}]}""";
    private const string AdminTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""";
    private const string Boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task DeletedUser_WithCmdbRecord_RecreatedWithRecordedPoliciesTagsAndBoundary_CredentialsLeftToPeople()
    {
        _h.WriteCmdb($$"""
            { "resources": { "{{DaveArn}}": {
                "type": "AWS::IAM::User", "path": "/",
                "managedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                "inlinePolicies": { "read-reports": {{ReadReports}} },
                "tags": { "team": "analytics", "cost-center": "42" },
                "permissionsBoundary": "{{Boundary}}" } } }
            """);
        await DeleteDaveAsActorAsync();

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var item = Assert.Single(plan.Items);
        var progress = await _h.ExecuteAsync(plan.Items);
        var replay = (await _h.ExecuteAsync(plan.Items, "req-2")).Final()[item.ItemId];
        var iam = _h.Admin().Iam;
        var user = (await iam.GetUserAsync(new GetUserRequest("dave"))).User;
        var tags = await ListAsync(iam.ListUserTagsAsync(new ListUserTagsRequest("dave")));
        var attached = await ListAsync(iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest("dave")));
        var inline = await iam.GetUserPolicyAsync(new GetUserPolicyRequest("dave", "read-reports"));
        var keys = await ListAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest("dave")));

        Assert.Equal((DaveArn, RecoveryStrategy.RecreateFromCmdb, ResourceChange.Deleted), (item.Resource.Arn, item.Strategy, item.Change));
        Assert.Contains($"CMDB record of {DaveArn}", item.Rationale, StringComparison.Ordinal);
        Assert.Equal(DaveArn, user.Arn);
        Assert.Equal(Boundary, user.PermissionsBoundaryArn);
        Assert.Equal(["cost-center=42", "team=analytics"], tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess"], attached.Select(a => a.PolicyArn));
        Assert.True(Documents.PolicyDocumentsAreSame(ReadReports, inline.PolicyDocument));
        Assert.Empty(keys);
        var final = progress.Final()[item.ItemId];
        Assert.Equal(StepStatus.Manual, final.Status);
        var manual = Assert.Single(final.Steps, s => s.Status == StepStatus.Manual);
        Assert.Contains("credentials", manual.Description, StringComparison.Ordinal);
        Assert.Contains("aws iam create-access-key --user-name dave", manual.ParametersJson, StringComparison.Ordinal);
        Assert.Contains(final.Steps, s => (s.Action, s.Status) == ("iam:TagUser", StepStatus.Succeeded));
        Assert.Contains(final.Steps, s => (s.Action, s.Status) == ("iam:PutUserPermissionsBoundary", StepStatus.Succeeded));
        Assert.All(final.Steps.Where(s => s.Status != StepStatus.Manual), s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.All(replay.Steps.Where(s => s.Action != "manual:Task"), s => Assert.Equal(StepStatus.AlreadyDone, s.Status));
    }

    [Fact]
    public async Task RecreatedRoleWithBoundary_BoundaryCapsWhatItsSessionsMayDo()
    {
        _h.WriteCmdb($$"""
            { "resources": { "{{RoleArn}}": {
                "assumeRolePolicyDocument": {{AdminTrust}},
                "managedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"],
                "tags": { "owner": "reporting-team" },
                "permissionsBoundary": "{{Boundary}}" } } }
            """);
        await _h.Admin().Iam.CreateRoleAsync(new CreateRoleRequest("reporting", AdminTrust));
        await _h.Attacker().Iam.DeleteRoleAsync(new DeleteRoleRequest("reporting"));

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var final = (await _h.ExecuteAsync(plan.Items)).Final()[Assert.Single(plan.Items).ItemId];
        var role = (await _h.Admin().Iam.GetRoleAsync(new GetRoleRequest("reporting"))).Role;
        var session = await _h.Admin().Sts.AssumeRoleAsync(new AssumeRoleRequest(RoleArn, "check"));
        var asRole = _h.Runtime.CreateScope(AwsCredentialChain.FromKeys(session.Credentials.AccessKeyId, session.Credentials.SecretAccessKey, session.Credentials.SessionToken), "us-east-1", Org.Management);
        var users = await ListAsync(asRole.Iam.ListUsersAsync());
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => asRole.Iam.CreateUserAsync(new CreateUserRequest("sneaky")));

        Assert.Equal(StepStatus.Succeeded, final.Status);
        Assert.Equal((Boundary, "owner=reporting-team"), (role.PermissionsBoundaryArn, string.Join(',', role.Tags.Select(t => $"{t.Key}={t.Value}"))));
        Assert.NotEmpty(users);
        Assert.Equal("AccessDenied", refused.Code);
        Assert.Contains("permissions boundary", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedUser_WithoutCmdbRecord_ManualWithSteps_AndOverrideToRecreateIsRefused()
    {
        await DeleteDaveAsActorAsync();
        var events = _h.ActorEvents(Org.LeakedKey);

        var plan = await _h.PlanAsync(events);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync(events, new Dictionary<string, RecoveryStrategy> { [DaveArn] = RecoveryStrategy.RecreateFromCmdb }));

        var item = Assert.Single(plan.Items);
        Assert.Equal(RecoveryStrategy.Manual, item.Strategy);
        Assert.Contains($"the CMDB has no record of {DaveArn}", item.Rationale, StringComparison.Ordinal);
        Assert.Contains("aws iam create-user --user-name dave", Assert.Single(item.Steps).ParametersJson, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("RECREATE_FROM_CMDB cannot be used because the CMDB has no record of arn:aws:iam::111111111111:user/dave", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackdooredTrustPolicy_RestoredExactlyFromCmdb_ReplayIsAlreadyDone_CmdbLogged()
    {
        _h.WriteCmdb($$"""{ "resources": { "{{RoleArn}}": { "type": "AWS::IAM::Role", "assumeRolePolicyDocument": {{Trust}} } } }""");
        await _h.Admin().Iam.CreateRoleAsync(new CreateRoleRequest("reporting", Trust));
        await _h.Attacker().Iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest("reporting", Backdoor));

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var item = Assert.Single(plan.Items);
        var first = (await _h.ExecuteAsync(plan.Items)).Final()[item.ItemId];
        var role = (await _h.Admin().Iam.GetRoleAsync(new GetRoleRequest("reporting"))).Role;
        var second = (await _h.ExecuteAsync(plan.Items, "req-2")).Final()[item.ItemId];
        var changes = await _h.Updater.ReadAsync("inc-7", CancellationToken.None);

        Assert.Equal(RecoveryStrategy.RestoreFromBackup, item.Strategy);
        Assert.Equal($"cmdb:{RoleArn}#assumeRolePolicyDocument", item.BackupReference);
        Assert.Equal(StepStatus.Succeeded, first.Status);
        Assert.True(Documents.PolicyDocumentsAreSame(Trust, role.AssumeRolePolicyDocument));
        Assert.Contains("999999999999", first.Steps[0].PriorStateJson, StringComparison.Ordinal);
        Assert.Equal(StepStatus.AlreadyDone, second.Status);
        var change = Assert.Single(changes);
        Assert.Equal((RoleArn, "iam:UpdateAssumeRolePolicy", "inc-7"), (change.ResourceArn, change.Action, change.IncidentId));
        Assert.Equal(_h.Sandbox.Clock.GetUtcNow().Date, change.ChangedAt.Date);
    }

    [Fact]
    public async Task OverwrittenInlinePolicy_RestoredFromCmdbDocument_NewInlinePolicyOfTheActorIsNotAnItem()
    {
        _h.WriteCmdb($$"""{ "resources": { "{{RoleArn}}": { "assumeRolePolicyDocument": {{Trust}}, "inlinePolicies": { "read-reports": {{ReadReports}} } } } }""");
        var admin = _h.Admin().Iam;
        await admin.CreateRoleAsync(new CreateRoleRequest("reporting", Trust));
        await admin.PutRolePolicyAsync(new PutRolePolicyRequest("reporting", "read-reports", ReadReports));
        var everything = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        await _h.Attacker().Iam.PutRolePolicyAsync(new PutRolePolicyRequest("reporting", "read-reports", everything));
        await _h.Attacker().Iam.PutRolePolicyAsync(new PutRolePolicyRequest("reporting", "extra", everything));

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var item = Assert.Single(plan.Items);
        var final = (await _h.ExecuteAsync(plan.Items)).Final()[item.ItemId];
        var restored = await admin.GetRolePolicyAsync(new GetRolePolicyRequest("reporting", "read-reports"));

        Assert.Equal((RecoveryStrategy.RestoreFromBackup, ResourceChange.Modified), (item.Strategy, item.Change));
        Assert.Equal("reporting/read-reports", item.Resource.Id);
        Assert.Equal(StepStatus.Succeeded, final.Status);
        Assert.True(Documents.PolicyDocumentsAreSame(ReadReports, restored.PolicyDocument));
    }

    [Fact]
    public async Task Execute_RoleGoneSincePlanning_ItemFailsWithAwsMessage()
    {
        _h.WriteCmdb($$"""{ "resources": { "{{RoleArn}}": { "assumeRolePolicyDocument": {{Trust}} } } }""");
        await _h.Admin().Iam.CreateRoleAsync(new CreateRoleRequest("reporting", Trust));
        await _h.Attacker().Iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest("reporting", Backdoor));
        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        await _h.Admin().Iam.DeleteRoleAsync(new DeleteRoleRequest("reporting"));

        var final = (await _h.ExecuteAsync(plan.Items)).Final()[plan.Items[0].ItemId];

        Assert.Equal(StepStatus.Failed, final.Status);
        Assert.StartsWith("iam:GetRole failed with NoSuchEntity: The role with name reporting cannot be found.", final.Steps[0].ResultMessage, StringComparison.Ordinal);
        Assert.Empty(await _h.Updater.ReadAsync(null, CancellationToken.None));
    }

    private async Task DeleteDaveAsActorAsync()
    {
        var iam = _h.Attacker().Iam;
        foreach (var key in await ListAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest("dave"))))
        {
            await iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest(key.AccessKeyId, "dave"));
        }

        await iam.DetachUserPolicyAsync(new DetachUserPolicyRequest("dave", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        await iam.DeleteUserAsync(new DeleteUserRequest("dave"));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
