using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Iam;

public sealed class IamUserCredentialTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task OtherCredentials_UploadListDelete_RoundTrip_WithoutSecrets()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var iam = clients.Admin(TestScenario.Workload).Iam;
        await iam.CreateUserAsync(new CreateUserRequest("cred-holder"));

        var ssh = await iam.UploadSshPublicKeyAsync(new UploadSshPublicKeyRequest("cred-holder", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0 h@example"));
        var cert = await iam.UploadSigningCertificateAsync(new UploadSigningCertificateRequest("cred-holder", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));
        var service = await iam.CreateServiceSpecificCredentialAsync(new CreateServiceSpecificCredentialRequest("cred-holder", "codecommit.amazonaws.com"));
        var device = await iam.CreateVirtualMfaDeviceAsync(new CreateVirtualMfaDeviceRequest("cred-holder"));
        await iam.EnableMfaDeviceAsync(new EnableMfaDeviceRequest("cred-holder", device.SerialNumber, "123456", "654321"));

        Assert.Equal(ssh.SshPublicKey.SshPublicKeyId, Assert.Single(await iam.ListSshPublicKeysAsync(new ListSshPublicKeysRequest("cred-holder")).ToListAsync()).SshPublicKeyId);
        Assert.Equal(cert.Certificate.CertificateId, Assert.Single(await iam.ListSigningCertificatesAsync(new ListSigningCertificatesRequest("cred-holder")).ToListAsync()).CertificateId);
        Assert.Equal("codecommit.amazonaws.com", Assert.Single(await iam.ListServiceSpecificCredentialsAsync(new ListServiceSpecificCredentialsRequest("cred-holder")).ToListAsync()).ServiceName);
        Assert.Contains(await iam.ListVirtualMfaDevicesAsync(new ListVirtualMfaDevicesRequest("Assigned")).ToListAsync(), d => d.SerialNumber == device.SerialNumber && d.UserName == "cred-holder");
        Assert.DoesNotContain("Password", service.ToString(), StringComparison.Ordinal);

        await iam.DeleteSshPublicKeyAsync(new DeleteSshPublicKeyRequest("cred-holder", ssh.SshPublicKey.SshPublicKeyId));
        await iam.DeleteSigningCertificateAsync(new DeleteSigningCertificateRequest("cred-holder", cert.Certificate.CertificateId));
        await iam.DeleteServiceSpecificCredentialAsync(new DeleteServiceSpecificCredentialRequest(service.Credential.ServiceSpecificCredentialId, "cred-holder"));
        await iam.DeactivateMfaDeviceAsync(new DeactivateMfaDeviceRequest("cred-holder", device.SerialNumber));
        await iam.DeleteVirtualMfaDeviceAsync(new DeleteVirtualMfaDeviceRequest(device.SerialNumber));
        await iam.DeleteUserAsync(new DeleteUserRequest("cred-holder"));

        Assert.DoesNotContain(await iam.ListVirtualMfaDevicesAsync().ToListAsync(), d => d.SerialNumber == device.SerialNumber);
    }
}
