using CredIr.Aws;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddUserCredentialActions()
    {
        _actions["iam:DeleteSigningCertificate"] = DeleteSigningCertificateAsync;
        _actions["iam:DeleteSSHPublicKey"] = DeleteSshPublicKeyAsync;
        _actions["iam:DeleteServiceSpecificCredential"] = DeleteServiceSpecificCredentialAsync;
        _actions["iam:DeleteVirtualMFADevice"] = DeleteVirtualMfaDeviceAsync;
    }

    private static async Task<StepOutcome> DeleteSigningCertificateAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, id) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var found = (await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListSigningCertificatesAsync(new ListSigningCertificatesRequest(user), ct), ct))).FirstOrDefault(c => c.CertificateId == id);
        if (found is null)
        {
            return StepOutcome.AlreadyDone($"User {user} has no signing certificate {id}.", PriorState.Absent($"user/{user} signing-certificate {id}"));
        }

        await iam.DeleteSigningCertificateAsync(new DeleteSigningCertificateRequest(user, id), ct);
        return StepOutcome.Done($"Deleted signing certificate {id} of user {user}.", PriorState.Present($"user/{user} signing-certificate {id}", ("status", found.Status), ("uploadDate", found.UploadDate?.ToString("O"))));
    }

    private static async Task<StepOutcome> DeleteSshPublicKeyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, id) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var found = (await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListSshPublicKeysAsync(new ListSshPublicKeysRequest(user), ct), ct))).FirstOrDefault(k => k.SshPublicKeyId == id);
        if (found is null)
        {
            return StepOutcome.AlreadyDone($"User {user} has no SSH public key {id}.", PriorState.Absent($"user/{user} ssh-key {id}"));
        }

        await iam.DeleteSshPublicKeyAsync(new DeleteSshPublicKeyRequest(user, id), ct);
        return StepOutcome.Done($"Deleted SSH public key {id} of user {user}.", PriorState.Present($"user/{user} ssh-key {id}", ("status", found.Status), ("uploadDate", found.UploadDate?.ToString("O"))));
    }

    private static async Task<StepOutcome> DeleteServiceSpecificCredentialAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, id) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var found = (await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListServiceSpecificCredentialsAsync(new ListServiceSpecificCredentialsRequest(user), ct), ct))).FirstOrDefault(c => c.ServiceSpecificCredentialId == id);
        if (found is null)
        {
            return StepOutcome.AlreadyDone($"User {user} has no service-specific credential {id}.", PriorState.Absent($"user/{user} service-credential {id}"));
        }

        await iam.DeleteServiceSpecificCredentialAsync(new DeleteServiceSpecificCredentialRequest(id, user), ct);
        return StepOutcome.Done($"Deleted the {found.ServiceName} credential {id} of user {user}.",
            PriorState.Present($"user/{user} service-credential {id}", ("serviceName", found.ServiceName), ("serviceUserName", found.ServiceUserName), ("status", found.Status)));
    }

    private static async Task<StepOutcome> DeleteVirtualMfaDeviceAsync(StepContext step, CancellationToken ct)
    {
        var (iam, serial) = (await step.IamAsync(ct), step.Id);
        var devices = await Read.ListAsync(iam.ListVirtualMfaDevicesAsync(cancellationToken: ct), ct);
        if (devices.FirstOrDefault(d => d.SerialNumber == serial) is not { } device)
        {
            return StepOutcome.AlreadyDone($"Virtual MFA device {serial} no longer exists.", PriorState.Absent($"mfa/{serial}"));
        }

        await iam.DeleteVirtualMfaDeviceAsync(new DeleteVirtualMfaDeviceRequest(serial), ct);
        return StepOutcome.Done($"Deleted virtual MFA device {serial}.", PriorState.Present($"mfa/{serial}", ("userName", device.UserName)));
    }
}
