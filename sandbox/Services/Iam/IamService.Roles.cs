using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddRoleOperations()
    {
        _operations["CreateRole"] = CreateRole;
        _operations["GetRole"] = GetRole;
        _operations["ListRoles"] = ListRoles;
        _operations["DeleteRole"] = DeleteRole;
        _operations["UpdateAssumeRolePolicy"] = UpdateAssumeRolePolicy;
        _operations["PutRolePolicy"] = c => PutInline(c, "role", c.Form.Required("RoleName"));
        _operations["GetRolePolicy"] = c => GetInline(c, "role", c.Form.Required("RoleName"));
        _operations["DeleteRolePolicy"] = c => DeleteInline(c, "role", c.Form.Required("RoleName"));
        _operations["ListRolePolicies"] = c => ListInline(c, "role", c.Form.Required("RoleName"));
        _operations["AttachRolePolicy"] = c => AttachManaged(c, "role", c.Form.Required("RoleName"));
        _operations["DetachRolePolicy"] = c => DetachManaged(c, "role", c.Form.Required("RoleName"));
        _operations["ListAttachedRolePolicies"] = c => ListAttached(c, "role", c.Form.Required("RoleName"));
    }

    private static ServiceResult CreateRole(SandboxCall call)
    {
        var name = call.Form.Required("RoleName");
        var path = call.Form.Get("Path") ?? "/";
        var tags = TagsParameter(call);
        call.Authorize("iam:CreateRole", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:role{path}{name}");
        if (tags.Count > 0)
        {
            call.Authorize("iam:TagRole", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:role{path}{name}");
        }

        var boundary = CreateBoundary(call);
        lock (call.State.Gate)
        {
            var role = IamStore.AddRole(call.State, call.Account, name, call.Form.Required("AssumeRolePolicyDocument"), path,
                call.Form.Get("Description"), call.Form.Int("MaxSessionDuration") ?? 3600);
            ApplyTags(role, tags);
            role.PermissionsBoundary = boundary;
            call.ResponseElements = new JsonObject { ["role"] = IamXml.TrailRole(role) };
            call.Resources.Add(("AWS::IAM::Role", name));
            return ServiceResult.Of(IamXml.Role(role));
        }
    }

    private static ServiceResult GetRole(SandboxCall call)
    {
        var name = call.Form.Required("RoleName");
        call.Authorize("iam:GetRole", RoleArn(call, name));
        lock (call.State.Gate)
        {
            return ServiceResult.Of(IamXml.Role(Role(call.Account, name)));
        }
    }

    private static ServiceResult ListRoles(SandboxCall call)
    {
        call.Authorize("iam:ListRoles", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:role/");
        lock (call.State.Gate)
        {
            return Page(call, "Roles", UnderPathPrefix(call, call.Account.Roles.Values, r => r.Path).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(), r => IamXml.Role(r, "member"));
        }
    }

    private static ServiceResult DeleteRole(SandboxCall call)
    {
        var name = call.Form.Required("RoleName");
        call.Authorize("iam:DeleteRole", RoleArn(call, name));
        lock (call.State.Gate)
        {
            var role = Role(call.Account, name);
            if (role.InlinePolicies.Count > 0 || role.AttachedPolicyArns.Count > 0)
            {
                throw IamErrors.DeleteConflict("detach all policies");
            }

            if (call.Account.InstanceProfiles.Values.Any(p => p.RoleNames.Contains(name)))
            {
                throw IamErrors.DeleteConflict("remove roles from instance profile");
            }

            call.Account.Roles.Remove(name);
            call.Resources.Add(("AWS::IAM::Role", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult UpdateAssumeRolePolicy(SandboxCall call)
    {
        var name = call.Form.Required("RoleName");
        var document = call.Form.Required("PolicyDocument");
        call.Authorize("iam:UpdateAssumeRolePolicy", RoleArn(call, name));
        IamStore.CheckPolicy(document, PolicyDocumentKind.Trust);
        lock (call.State.Gate)
        {
            Role(call.Account, name).TrustPolicy = document;
            call.Resources.Add(("AWS::IAM::Role", name));
            return ServiceResult.Empty;
        }
    }
}
