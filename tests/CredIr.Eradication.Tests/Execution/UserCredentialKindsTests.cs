using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// single-account-key-leak plus a user "shadow" the actor makes with every kind of credential IAM has: an access key,
/// a password, an SSH key, a signing certificate, a CodeCommit credential, a virtual MFA device, a group, policies.
/// </summary>
public sealed class UserCredentialKindsTests : IAsyncLifetime
{
    private const string User = "shadow";
    private EradicationSandbox _org = null!;
    private string _serial = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("single-account-key-leak");
        var iam = _org.As(_org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == _org.LeakedKey)).Iam;
        await iam.CreateUserAsync(new CreateUserRequest(User));
        await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest(User));
        await iam.CreateLoginProfileAsync(new CreateLoginProfileRequest(User, "Sandbox-Only-Passw0rd!"));
        await iam.UploadSshPublicKeyAsync(new UploadSshPublicKeyRequest(User, "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0shadow actor@example"));
        await iam.UploadSigningCertificateAsync(new UploadSigningCertificateRequest(User, "-----BEGIN CERTIFICATE-----\nMIIBshadow\n-----END CERTIFICATE-----"));
        await iam.CreateServiceSpecificCredentialAsync(new CreateServiceSpecificCredentialRequest(User, "codecommit.amazonaws.com"));
        _serial = (await iam.CreateVirtualMfaDeviceAsync(new CreateVirtualMfaDeviceRequest(User))).SerialNumber;
        await iam.EnableMfaDeviceAsync(new EnableMfaDeviceRequest(User, _serial, "123456", "654321"));
        await iam.AddUserToGroupAsync(new AddUserToGroupRequest("developers", User));
        await iam.PutUserPolicyAsync(new PutUserPolicyRequest(User, "inline", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
        await iam.AttachUserPolicyAsync(new AttachUserPolicyRequest(User, "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        await iam.TagUserAsync(new TagUserRequest(User, [new IamTag("app", "pay")]));
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task EveryCredentialKind_RemovedBeforeTheUser_ThenAllGone_ReplayWritesNothing()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var deleteUser = plan.Steps.Single(s => s.Action == "iam:DeleteUser" && s.Target.Id == User);
        var before = deleteUser.DependsOn.Select(d => plan.Steps.Single(s => s.StepId == d).Action).Order(StringComparer.Ordinal);

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var recorded = _org.Sandbox.Trail.All().Count;
        var replayed = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.Equal(
            [
                "iam:DeleteAccessKey", "iam:DeleteLoginProfile", "iam:DeleteSSHPublicKey", "iam:DeleteServiceSpecificCredential", "iam:DeleteSigningCertificate",
                "iam:DeleteUserPolicy", "iam:DeleteVirtualMFADevice", "iam:DetachUserPolicy", "iam:RemoveUserFromGroup",
            ],
            before);
        Assert.Equal("pay", deleteUser.Target.Tags["app"]);
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.All(replayed, r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
        Assert.Empty(_org.WritesSince(recorded));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.Iam.GetUserAsync(new GetUserRequest(User)));
        Assert.Equal("NoSuchEntity", gone.Code);
        var devices = new List<IamVirtualMfaDevice>();
        await foreach (var device in _org.Admin.Iam.ListVirtualMfaDevicesAsync())
        {
            devices.Add(device);
        }

        Assert.DoesNotContain(devices, d => d.SerialNumber == _serial);
    }
}
