using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>
/// A user's other credentials: signing certificates, SSH public keys, service-specific credentials, and virtual MFA
/// devices (created, enabled for a user, deleted). Each must be gone before the user can be deleted. Secrets (the
/// service password, the MFA seed) go to the caller only, never to CloudTrail.
/// </summary>
internal sealed partial class IamService
{
    private void AddUserCredentialOperations()
    {
        _operations["UploadSigningCertificate"] = c => Upload(c, "iam:UploadSigningCertificate", u => u.SigningCertificates, "CertificateBody", c.State.Ids.Alnum(32).ToUpperInvariant(), "Certificate", CertificateXml);
        _operations["ListSigningCertificates"] = c => ListCredentials(c, "iam:ListSigningCertificates", u => u.SigningCertificates, "Certificates", CertificateXml);
        _operations["DeleteSigningCertificate"] = c => DeleteCredential(c, "iam:DeleteSigningCertificate", u => u.SigningCertificates, "CertificateId", "Signing Certificate");
        _operations["UploadSSHPublicKey"] = c => Upload(c, "iam:UploadSSHPublicKey", u => u.SshPublicKeys, "SSHPublicKeyBody", c.State.Ids.UniqueId("APKA"), "SSHPublicKey", SshKeyXml);
        _operations["ListSSHPublicKeys"] = c => ListCredentials(c, "iam:ListSSHPublicKeys", u => u.SshPublicKeys, "SSHPublicKeys", (name, k) => E("member", E("UserName", name), E("SSHPublicKeyId", k.Id), E("Status", k.Status), E("UploadDate", k.Created)));
        _operations["DeleteSSHPublicKey"] = c => DeleteCredential(c, "iam:DeleteSSHPublicKey", u => u.SshPublicKeys, "SSHPublicKeyId", "SSH Public Key");
        _operations["CreateServiceSpecificCredential"] = CreateServiceSpecificCredential;
        _operations["ListServiceSpecificCredentials"] = c => ListCredentials(c, "iam:ListServiceSpecificCredentials", u => u.ServiceSpecificCredentials, "ServiceSpecificCredentials", (name, s) => ServiceCredentialXml(name, s, "member", password: null));
        _operations["DeleteServiceSpecificCredential"] = c => DeleteCredential(c, "iam:DeleteServiceSpecificCredential", u => u.ServiceSpecificCredentials, "ServiceSpecificCredentialId", "Service Specific Credential");
        _operations["CreateVirtualMFADevice"] = CreateVirtualMfaDevice;
        _operations["EnableMFADevice"] = EnableMfaDevice;
        _operations["DeleteVirtualMFADevice"] = DeleteVirtualMfaDevice;
        _operations["ListVirtualMFADevices"] = ListVirtualMfaDevices;
    }

    private static System.Xml.Linq.XElement CertificateXml(string user, UserCredential c) =>
        E("member", E("UserName", user), E("CertificateId", c.Id), E("CertificateBody", c.Detail), E("Status", c.Status), E("UploadDate", c.Created));

    private static System.Xml.Linq.XElement SshKeyXml(string user, UserCredential k) =>
        E("member", E("UserName", user), E("SSHPublicKeyId", k.Id), E("Fingerprint", Fingerprint(k.Detail)), E("SSHPublicKeyBody", k.Detail), E("Status", k.Status), E("UploadDate", k.Created));

    private static System.Xml.Linq.XElement ServiceCredentialXml(string user, UserCredential s, string element, string? password) =>
        E(element, E("CreateDate", s.Created), E("ServiceName", s.Detail), E("ServiceUserName", s.ServiceUserName),
            password is null ? null : E("ServicePassword", password), E("ServiceSpecificCredentialId", s.Id), E("UserName", user), E("Status", s.Status));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "IAM reports an SSH key's MD5 fingerprint; it identifies the key, it protects nothing.")]
    private static string Fingerprint(string body) =>
        string.Join(':', MD5.HashData(Encoding.UTF8.GetBytes(body)).Select(static b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static ServiceResult Upload(SandboxCall call, string action, Func<IamUser, List<UserCredential>> list, string bodyParameter, string id, string element,
        Func<string, UserCredential, System.Xml.Linq.XElement> render)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        var body = call.Form.Required(bodyParameter);
        call.Authorize(action, UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (list(user).Count >= 5)
            {
                throw new AwsServiceException("LimitExceeded", $"Cannot exceed quota for {element}sPerUser: 5", 409);
            }

            var credential = new UserCredential(id, body, call.Time);
            list(user).Add(credential);
            call.Resources.Add(("AWS::IAM::User", name));
            var rendered = render(name, credential);
            rendered.Name = element;
            return ServiceResult.Of(rendered);
        }
    }

    private static ServiceResult ListCredentials(SandboxCall call, string action, Func<IamUser, List<UserCredential>> list, string listName,
        Func<string, UserCredential, System.Xml.Linq.XElement> render)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize(action, UserArn(call, name));
        lock (call.State.Gate)
        {
            return Page(call, listName, list(User(call.Account, name)).ToList(), c => render(name, c));
        }
    }

    private static ServiceResult DeleteCredential(SandboxCall call, string action, Func<IamUser, List<UserCredential>> list, string idParameter, string kind)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        var id = call.Form.Required(idParameter);
        call.Authorize(action, UserArn(call, name));
        lock (call.State.Gate)
        {
            if (list(User(call.Account, name)).RemoveAll(c => c.Id == id) == 0)
            {
                throw new AwsServiceException("NoSuchEntity", $"The {kind} with id {id} cannot be found.", 404);
            }

            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult CreateServiceSpecificCredential(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        var service = call.Form.Required("ServiceName");
        call.Authorize("iam:CreateServiceSpecificCredential", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (user.ServiceSpecificCredentials.Count(c => c.Detail == service) >= 2)
            {
                throw new AwsServiceException("LimitExceeded", "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2", 409);
            }

            var credential = new UserCredential(call.State.Ids.UniqueId("ACCA"), service, call.Time) { ServiceUserName = $"{name}-at-{call.Account.Id}" };
            user.ServiceSpecificCredentials.Add(credential);
            call.ResponseElements = new JsonObject
            {
                ["serviceSpecificCredential"] = new JsonObject
                {
                    ["createDate"] = IamXml.TrailDate(credential.Created), ["serviceName"] = service, ["serviceUserName"] = credential.ServiceUserName,
                    ["serviceSpecificCredentialId"] = credential.Id, ["userName"] = name, ["status"] = credential.Status,
                },
            };
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Of(ServiceCredentialXml(name, credential, "ServiceSpecificCredential", call.State.Ids.Secret()));
        }
    }

    private static ServiceResult CreateVirtualMfaDevice(SandboxCall call)
    {
        var name = call.Form.Required("VirtualMFADeviceName");
        var path = call.Form.Get("Path") ?? "/";
        var serial = $"arn:{call.Account.Partition}:iam::{call.Account.Id}:mfa{path}{name}";
        call.Authorize("iam:CreateVirtualMFADevice", serial);
        lock (call.State.Gate)
        {
            if (!call.Account.VirtualMfaDevices.TryAdd(serial, null))
            {
                throw new AwsServiceException("EntityAlreadyExists", "MFADevice entity at the same path and name already exists.", 409);
            }

            call.ResponseElements = new JsonObject { ["virtualMFADevice"] = new JsonObject { ["serialNumber"] = serial } };
            call.Resources.Add(("AWS::IAM::MFADevice", serial));
            return ServiceResult.Of(E("VirtualMFADevice", E("SerialNumber", serial),
                E("Base32StringSeed", Convert.ToBase64String(Encoding.ASCII.GetBytes(call.State.Ids.Alnum(32)))), E("QRCodePNG", Convert.ToBase64String(IdGenerator.RandomKey()))));
        }
    }

    private static ServiceResult EnableMfaDevice(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        var serial = call.Form.Required("SerialNumber");
        _ = call.Form.Required("AuthenticationCode1");
        _ = call.Form.Required("AuthenticationCode2");
        call.Authorize("iam:EnableMFADevice", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (call.Account.VirtualMfaDevices.TryGetValue(serial, out var assigned) && assigned is not null)
            {
                throw new AwsServiceException("EntityAlreadyExists", "MFA Device is already in use.", 409);
            }

            if (call.Account.VirtualMfaDevices.ContainsKey(serial))
            {
                call.Account.VirtualMfaDevices[serial] = name;
            }

            user.MfaDevices.Add(serial);
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListVirtualMfaDevices(SandboxCall call)
    {
        var status = call.Form.Get("AssignmentStatus") ?? "Any";
        call.Authorize("iam:ListVirtualMFADevices", "*");
        lock (call.State.Gate)
        {
            var devices = call.Account.VirtualMfaDevices
                .Where(d => status switch { "Assigned" => d.Value is not null, "Unassigned" => d.Value is null, _ => true })
                .OrderBy(static d => d.Key, StringComparer.Ordinal)
                .ToList();
            return Page(call, "VirtualMFADevices", devices, d => E("member", E("SerialNumber", d.Key),
                d.Value is { } user && call.Account.Users.TryGetValue(user, out var u) ? IamXml.User(u, "User") : null));
        }
    }

    private static ServiceResult DeleteVirtualMfaDevice(SandboxCall call)
    {
        var serial = call.Form.Required("SerialNumber");
        call.Authorize("iam:DeleteVirtualMFADevice", serial);
        lock (call.State.Gate)
        {
            if (!call.Account.VirtualMfaDevices.TryGetValue(serial, out var assigned))
            {
                throw new AwsServiceException("NoSuchEntity", $"VirtualMFADevice with serial number {serial} doesn't exist.", 404);
            }

            if (assigned is not null)
            {
                throw new AwsServiceException("DeleteConflict", "MFA Device is still in use.", 409);
            }

            call.Account.VirtualMfaDevices.Remove(serial);
            call.Resources.Add(("AWS::IAM::MFADevice", serial));
            return ServiceResult.Empty;
        }
    }
}
