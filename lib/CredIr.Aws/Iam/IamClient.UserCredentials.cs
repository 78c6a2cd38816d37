namespace CredIr.Aws;

/// <summary>A user's other credentials: signing certificates, SSH public keys, service-specific credentials, virtual MFA devices.</summary>
public sealed partial class IamClient
{
    /// <summary>Lists a user's signing certificates.</summary>
    public IAsyncEnumerable<IamSigningCertificate> ListSigningCertificatesAsync(ListSigningCertificatesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListSigningCertificates").Add("UserName", request.UserName), "Certificates", IamXml.SigningCertificate, cancellationToken);

    /// <summary>Uploads a signing certificate for a user.</summary>
    public Task<UploadSigningCertificateResponse> UploadSigningCertificateAsync(UploadSigningCertificateRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("UploadSigningCertificate").Add("UserName", request.UserName).Add("CertificateBody", request.CertificateBody),
            "Certificate", static (e, id) => new UploadSigningCertificateResponse(IamXml.SigningCertificate(e), id), cancellationToken);

    /// <summary>Deletes a user's signing certificate.</summary>
    public Task<AwsResult> DeleteSigningCertificateAsync(DeleteSigningCertificateRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteSigningCertificate").Add("UserName", request.UserName).Add("CertificateId", request.CertificateId), cancellationToken);

    /// <summary>Lists a user's SSH public keys.</summary>
    public IAsyncEnumerable<IamSshPublicKey> ListSshPublicKeysAsync(ListSshPublicKeysRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListSSHPublicKeys").Add("UserName", request.UserName), "SSHPublicKeys", IamXml.SshPublicKey, cancellationToken);

    /// <summary>Uploads an SSH public key for a user.</summary>
    public Task<UploadSshPublicKeyResponse> UploadSshPublicKeyAsync(UploadSshPublicKeyRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("UploadSSHPublicKey").Add("UserName", request.UserName).Add("SSHPublicKeyBody", request.SshPublicKeyBody),
            "SSHPublicKey", static (e, id) => new UploadSshPublicKeyResponse(IamXml.SshPublicKey(e), id), cancellationToken);

    /// <summary>Deletes a user's SSH public key.</summary>
    public Task<AwsResult> DeleteSshPublicKeyAsync(DeleteSshPublicKeyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteSSHPublicKey").Add("UserName", request.UserName).Add("SSHPublicKeyId", request.SshPublicKeyId), cancellationToken);

    /// <summary>Lists a user's service-specific credentials.</summary>
    public IAsyncEnumerable<IamServiceSpecificCredential> ListServiceSpecificCredentialsAsync(ListServiceSpecificCredentialsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListServiceSpecificCredentials").Add("UserName", request.UserName), "ServiceSpecificCredentials", IamXml.ServiceSpecificCredential, cancellationToken);

    /// <summary>Creates a service-specific credential for a user; the password AWS returns is dropped here.</summary>
    public Task<CreateServiceSpecificCredentialResponse> CreateServiceSpecificCredentialAsync(CreateServiceSpecificCredentialRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateServiceSpecificCredential").Add("UserName", request.UserName).Add("ServiceName", request.ServiceName),
            "ServiceSpecificCredential", static (e, id) => new CreateServiceSpecificCredentialResponse(IamXml.ServiceSpecificCredential(e), id), cancellationToken);

    /// <summary>Deletes a service-specific credential.</summary>
    public Task<AwsResult> DeleteServiceSpecificCredentialAsync(DeleteServiceSpecificCredentialRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteServiceSpecificCredential").Add("UserName", request.UserName).Add("ServiceSpecificCredentialId", request.ServiceSpecificCredentialId), cancellationToken);

    /// <summary>Creates a virtual MFA device; its seed and QR code are not kept.</summary>
    public Task<CreateVirtualMfaDeviceResponse> CreateVirtualMfaDeviceAsync(CreateVirtualMfaDeviceRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateVirtualMFADevice").Add("VirtualMFADeviceName", request.VirtualMfaDeviceName).Add("Path", request.Path),
            "VirtualMFADevice", static (e, id) => new CreateVirtualMfaDeviceResponse(e.Required("SerialNumber"), id), cancellationToken);

    /// <summary>Enables an MFA device for a user.</summary>
    public Task<AwsResult> EnableMfaDeviceAsync(EnableMfaDeviceRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("EnableMFADevice").Add("UserName", request.UserName).Add("SerialNumber", request.SerialNumber)
            .Add("AuthenticationCode1", request.AuthenticationCode1).Add("AuthenticationCode2", request.AuthenticationCode2), cancellationToken);

    /// <summary>Lists the account's virtual MFA devices.</summary>
    public IAsyncEnumerable<IamVirtualMfaDevice> ListVirtualMfaDevicesAsync(ListVirtualMfaDevicesRequest? request = null, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListVirtualMFADevices").Add("AssignmentStatus", request?.AssignmentStatus), "VirtualMFADevices",
            static e => new IamVirtualMfaDevice(e.Required("SerialNumber"), e.Child("User")?.Str("UserName")), cancellationToken);

    /// <summary>Deletes a virtual MFA device (DeleteConflict while it is enabled for a user).</summary>
    public Task<AwsResult> DeleteVirtualMfaDeviceAsync(DeleteVirtualMfaDeviceRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteVirtualMFADevice").Add("SerialNumber", request.SerialNumber), cancellationToken);
}
