using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddUserOperations()
    {
        _operations["CreateUser"] = CreateUser;
        _operations["GetUser"] = GetUser;
        _operations["ListUsers"] = ListUsers;
        _operations["DeleteUser"] = DeleteUser;
        _operations["CreateLoginProfile"] = CreateLoginProfile;
        _operations["GetLoginProfile"] = GetLoginProfile;
        _operations["UpdateLoginProfile"] = UpdateLoginProfile;
        _operations["DeleteLoginProfile"] = DeleteLoginProfile;
        _operations["ListMFADevices"] = ListMfaDevices;
        _operations["DeactivateMFADevice"] = DeactivateMfaDevice;
        _operations["PutUserPolicy"] = c => PutInline(c, "user", c.Form.Required("UserName"));
        _operations["GetUserPolicy"] = c => GetInline(c, "user", c.Form.Required("UserName"));
        _operations["DeleteUserPolicy"] = c => DeleteInline(c, "user", c.Form.Required("UserName"));
        _operations["ListUserPolicies"] = c => ListInline(c, "user", c.Form.Required("UserName"));
        _operations["AttachUserPolicy"] = c => AttachManaged(c, "user", c.Form.Required("UserName"));
        _operations["DetachUserPolicy"] = c => DetachManaged(c, "user", c.Form.Required("UserName"));
        _operations["ListAttachedUserPolicies"] = c => ListAttached(c, "user", c.Form.Required("UserName"));
    }

    private static ServiceResult CreateUser(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        var path = call.Form.Get("Path") ?? "/";
        var tags = TagsParameter(call);
        call.Authorize("iam:CreateUser", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:user{path}{name}");
        if (tags.Count > 0)
        {
            call.Authorize("iam:TagUser", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:user{path}{name}");
        }

        var boundary = CreateBoundary(call);
        lock (call.State.Gate)
        {
            var user = IamStore.AddUser(call.State, call.Account, name, path);
            ApplyTags(user, tags);
            user.PermissionsBoundary = boundary;
            call.ResponseElements = new JsonObject { ["user"] = IamXml.TrailUser(user) };
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Of(IamXml.User(user));
        }
    }

    private static ServiceResult GetUser(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:GetUser", UserArn(call, name));
        lock (call.State.Gate)
        {
            return ServiceResult.Of(IamXml.User(User(call.Account, name)));
        }
    }

    private static ServiceResult ListUsers(SandboxCall call)
    {
        call.Authorize("iam:ListUsers", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:user/");
        lock (call.State.Gate)
        {
            return Page(call, "Users", UnderPathPrefix(call, call.Account.Users.Values, u => u.Path).OrderBy(u => u.Name, StringComparer.Ordinal).ToList(), u => IamXml.User(u, "member"));
        }
    }

    private static ServiceResult DeleteUser(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        call.Authorize("iam:DeleteUser", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (user.AccessKeys.Any(k => !k.Deleted))
            {
                throw IamErrors.DeleteConflict("delete access keys");
            }

            if (user.InlinePolicies.Count > 0 || user.AttachedPolicyArns.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete policies");
            }

            if (user.LoginProfile is not null)
            {
                throw IamErrors.DeleteConflict("delete login profile");
            }

            if (user.Groups.Count > 0)
            {
                throw IamErrors.DeleteConflict("remove user from all groups");
            }

            if (user.MfaDevices.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete MFA device");
            }

            if (user.SigningCertificates.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete signing certificates");
            }

            if (user.SshPublicKeys.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete SSH public keys");
            }

            if (user.ServiceSpecificCredentials.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete service-specific credentials");
            }

            call.Account.Users.Remove(name);
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult CreateLoginProfile(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.RequestParameters = call.Form.ToRequestParameters("Password");
        call.Authorize("iam:CreateLoginProfile", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (user.LoginProfile is not null)
            {
                throw new AwsServiceException("EntityAlreadyExists", $"Login Profile for user {name} already exists.", 409);
            }

            user.LoginProfile = new LoginProfile(call.Time, call.Form.Get("PasswordResetRequired") == "true");
            call.ResponseElements = new JsonObject
            {
                ["loginProfile"] = new JsonObject
                {
                    ["userName"] = name, ["createDate"] = IamXml.TrailDate(call.Time), ["passwordResetRequired"] = user.LoginProfile.PasswordResetRequired,
                },
            };
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Of(LoginProfileXml(name, user.LoginProfile));
        }
    }

    private static ServiceResult GetLoginProfile(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:GetLoginProfile", UserArn(call, name));
        lock (call.State.Gate)
        {
            var profile = User(call.Account, name).LoginProfile ?? throw new AwsServiceException("NoSuchEntity", $"Login Profile for User {name} cannot be found.", 404);
            return ServiceResult.Of(LoginProfileXml(name, profile));
        }
    }

    private static ServiceResult UpdateLoginProfile(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.RequestParameters = call.Form.ToRequestParameters("Password");
        call.Authorize("iam:UpdateLoginProfile", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            var profile = user.LoginProfile ?? throw new AwsServiceException("NoSuchEntity", $"Login Profile for User {name} cannot be found.", 404);
            user.LoginProfile = profile with { PasswordResetRequired = call.Form.Get("PasswordResetRequired") == "true" };
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult DeleteLoginProfile(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:DeleteLoginProfile", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            if (user.LoginProfile is null)
            {
                throw new AwsServiceException("NoSuchEntity", $"Login Profile for User {name} cannot be found.", 404);
            }

            user.LoginProfile = null;
            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListMfaDevices(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:ListMFADevices", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            return Page(call, "MFADevices", user.MfaDevices, serial => E("member", E("UserName", name), E("SerialNumber", serial), E("EnableDate", user.Created)));
        }
    }

    private static ServiceResult DeactivateMfaDevice(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        var serial = call.Form.Required("SerialNumber");
        call.Authorize("iam:DeactivateMFADevice", UserArn(call, name));
        lock (call.State.Gate)
        {
            if (!User(call.Account, name).MfaDevices.Remove(serial))
            {
                throw new AwsServiceException("NoSuchEntity", $"MFA Device with serial number {serial} does not exist.", 404);
            }

            if (call.Account.VirtualMfaDevices.ContainsKey(serial))
            {
                call.Account.VirtualMfaDevices[serial] = null;
            }

            call.Resources.Add(("AWS::IAM::User", name));
            return ServiceResult.Empty;
        }
    }

    private static System.Xml.Linq.XElement LoginProfileXml(string name, LoginProfile profile) =>
        E("LoginProfile", E("UserName", name), E("CreateDate", profile.Created), E("PasswordResetRequired", profile.PasswordResetRequired));
}
