using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddPolicyOperations()
    {
        _operations["CreatePolicy"] = CreatePolicy;
        _operations["GetPolicy"] = c => { var p = Managed(c, "iam:GetPolicy"); return ServiceResult.Of(IamXml.Policy(p)); };
        _operations["DeletePolicy"] = DeletePolicy;
        _operations["GetPolicyVersion"] = GetPolicyVersion;
        _operations["CreatePolicyVersion"] = CreatePolicyVersion;
        _operations["ListPolicyVersions"] = c => { var p = Managed(c, "iam:ListPolicyVersions"); return Page(c, "Versions", p.Versions.AsEnumerable().Reverse().ToList(), v => IamXml.Version(v, false, "member")); };
        _operations["SetDefaultPolicyVersion"] = SetDefaultPolicyVersion;
        _operations["DeletePolicyVersion"] = DeletePolicyVersion;
        _operations["ListPolicies"] = ListPolicies;
        _operations["ListEntitiesForPolicy"] = ListEntitiesForPolicy;
    }

    private static string HolderArn(SandboxCall call, string kind, string name) => $"arn:{call.Account.Partition}:iam::{call.Account.Id}:{kind}/{name}";

    private static PolicyHolder Holder(Account account, string kind, string name) => kind switch
    {
        "user" => User(account, name),
        "role" => Role(account, name),
        _ => account.Groups.GetValueOrDefault(name) ?? throw IamErrors.NoSuch("group", name),
    };

    private static string Cap(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];

    private static ServiceResult PutInline(SandboxCall call, string kind, string name)
    {
        var policyName = call.Form.Required("PolicyName");
        var document = call.Form.Required("PolicyDocument");
        call.Authorize($"iam:Put{Cap(kind)}Policy", HolderArn(call, kind, name));
        IamStore.CheckPolicy(document);
        lock (call.State.Gate)
        {
            Holder(call.Account, kind, name).InlinePolicies[policyName] = document;
            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult GetInline(SandboxCall call, string kind, string name)
    {
        var policyName = call.Form.Required("PolicyName");
        call.Authorize($"iam:Get{Cap(kind)}Policy", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var document = Holder(call.Account, kind, name).InlinePolicies.GetValueOrDefault(policyName)
                ?? throw new AwsServiceException("NoSuchEntity", $"The {kind} policy with name {policyName} cannot be found.", 404);
            return ServiceResult.Of(E($"{Cap(kind)}Name", name), E("PolicyName", policyName), E("PolicyDocument", Uri.EscapeDataString(document)));
        }
    }

    private static ServiceResult DeleteInline(SandboxCall call, string kind, string name)
    {
        var policyName = call.Form.Required("PolicyName");
        call.Authorize($"iam:Delete{Cap(kind)}Policy", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            if (!Holder(call.Account, kind, name).InlinePolicies.Remove(policyName))
            {
                throw new AwsServiceException("NoSuchEntity", $"The {kind} policy with name {policyName} cannot be found.", 404);
            }

            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListInline(SandboxCall call, string kind, string name)
    {
        call.Authorize($"iam:List{Cap(kind)}Policies", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            return Page(call, "PolicyNames", Holder(call.Account, kind, name).InlinePolicies.Keys.Order(StringComparer.Ordinal).ToList(), n => n);
        }
    }

    private static ServiceResult AttachManaged(SandboxCall call, string kind, string name)
    {
        var arn = call.Form.Required("PolicyArn");
        call.Authorize($"iam:Attach{Cap(kind)}Policy", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            IamStore.Attach(call.State, call.Account, Holder(call.Account, kind, name), arn);
            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            call.Resources.Add(("AWS::IAM::Policy", arn));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult DetachManaged(SandboxCall call, string kind, string name)
    {
        var arn = call.Form.Required("PolicyArn");
        call.Authorize($"iam:Detach{Cap(kind)}Policy", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            if (!holder.AttachedPolicyArns.Remove(arn))
            {
                throw new AwsServiceException("NoSuchEntity", $"Policy {arn} was not found.", 404);
            }

            if (call.State.FindPolicy(call.Account, arn) is { } policy)
            {
                policy.AttachmentCount--;
            }

            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            call.Resources.Add(("AWS::IAM::Policy", arn));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListAttached(SandboxCall call, string kind, string name)
    {
        call.Authorize($"iam:ListAttached{Cap(kind)}Policies", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            return Page(call, "AttachedPolicies", Holder(call.Account, kind, name).AttachedPolicyArns.ToList(), IamXml.Attached);
        }
    }

    private static ManagedPolicy Managed(SandboxCall call, string action)
    {
        var arn = call.Form.Required("PolicyArn");
        call.Authorize(action, arn);
        lock (call.State.Gate)
        {
            return call.State.FindPolicy(call.Account, arn) ?? throw new AwsServiceException("NoSuchEntity", $"Policy {arn} does not exist or is not attachable.", 404);
        }
    }

    private static ServiceResult CreatePolicy(SandboxCall call)
    {
        var name = call.Form.Required("PolicyName");
        var path = call.Form.Get("Path") ?? "/";
        var arn = $"arn:{call.Account.Partition}:iam::{call.Account.Id}:policy{path}{name}";
        call.Authorize("iam:CreatePolicy", arn);
        lock (call.State.Gate)
        {
            if (call.Account.Policies.ContainsKey(arn))
            {
                throw new AwsServiceException("EntityAlreadyExists", $"A policy called {name} already exists. Duplicate names are not allowed.", 409);
            }

            var policy = IamStore.AddPolicy(call.State, call.Account.Id, name, call.Form.Required("PolicyDocument"), path, call.Form.Get("Description"));
            call.Account.Policies[arn] = policy;
            call.ResponseElements = new JsonObject
            {
                ["policy"] = new JsonObject
                {
                    ["policyName"] = name, ["policyId"] = policy.Id, ["arn"] = arn, ["path"] = path, ["defaultVersionId"] = "v1",
                    ["attachmentCount"] = 0, ["permissionsBoundaryUsageCount"] = 0, ["isAttachable"] = true,
                    ["createDate"] = IamXml.TrailDate(policy.Created), ["updateDate"] = IamXml.TrailDate(policy.Updated),
                },
            };
            call.Resources.Add(("AWS::IAM::Policy", arn));
            return ServiceResult.Of(IamXml.Policy(policy));
        }
    }

    private static ServiceResult DeletePolicy(SandboxCall call)
    {
        var policy = Managed(call, "iam:DeletePolicy");
        lock (call.State.Gate)
        {
            if (policy.AttachmentCount > 0)
            {
                throw IamErrors.DeleteConflict("detach all policies");
            }

            if (policy.Versions.Count > 1)
            {
                throw new AwsServiceException("DeleteConflict",
                    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.", 409);
            }

            if (!call.Account.Policies.Remove(policy.Arn))
            {
                throw new AwsServiceException("AccessDenied", $"User: {call.Caller.Arn} is not authorized to perform: iam:DeletePolicy on resource: policy {policy.Arn}", 403);
            }

            call.Resources.Add(("AWS::IAM::Policy", policy.Arn));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult GetPolicyVersion(SandboxCall call)
    {
        var policy = Managed(call, "iam:GetPolicyVersion");
        var versionId = call.Form.Required("VersionId");
        lock (call.State.Gate)
        {
            var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
                ?? throw new AwsServiceException("NoSuchEntity", $"Policy {policy.Arn} version {versionId} does not exist or is not attachable.", 404);
            return ServiceResult.Of(IamXml.Version(version, true));
        }
    }

    private static ServiceResult CreatePolicyVersion(SandboxCall call)
    {
        var policy = Managed(call, "iam:CreatePolicyVersion");
        var document = call.Form.Required("PolicyDocument");
        IamStore.CheckPolicy(document);
        lock (call.State.Gate)
        {
            if (policy.Versions.Count >= 5)
            {
                throw new AwsServiceException("LimitExceeded", $"A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.", 409);
            }

            var version = new PolicyVersion($"v{policy.NextVersion++}", document, call.Time);
            policy.Versions.Add(version);
            if (call.Form.Get("SetAsDefault") == "true")
            {
                policy.Versions.ForEach(v => v.IsDefault = v == version);
            }

            policy.Updated = call.Time;
            call.ResponseElements = new JsonObject
            {
                ["policyVersion"] = new JsonObject { ["versionId"] = version.VersionId, ["isDefaultVersion"] = version.IsDefault, ["createDate"] = IamXml.TrailDate(version.Created) },
            };
            call.Resources.Add(("AWS::IAM::Policy", policy.Arn));
            return ServiceResult.Of(IamXml.Version(version, false));
        }
    }

    private static ServiceResult SetDefaultPolicyVersion(SandboxCall call)
    {
        var policy = Managed(call, "iam:SetDefaultPolicyVersion");
        var versionId = call.Form.Required("VersionId");
        lock (call.State.Gate)
        {
            var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
                ?? throw new AwsServiceException("NoSuchEntity", $"Policy {policy.Arn} version {versionId} does not exist or is not attachable.", 404);
            policy.Versions.ForEach(v => v.IsDefault = v == version);
            policy.Updated = call.Time;
            call.Resources.Add(("AWS::IAM::Policy", policy.Arn));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult DeletePolicyVersion(SandboxCall call)
    {
        var policy = Managed(call, "iam:DeletePolicyVersion");
        var versionId = call.Form.Required("VersionId");
        lock (call.State.Gate)
        {
            var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
                ?? throw new AwsServiceException("NoSuchEntity", $"Policy {policy.Arn} version {versionId} does not exist or is not attachable.", 404);
            if (version.IsDefault)
            {
                throw IamErrors.DeleteConflict("set another version as default");
            }

            policy.Versions.Remove(version);
            call.Resources.Add(("AWS::IAM::Policy", policy.Arn));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListEntitiesForPolicy(SandboxCall call)
    {
        var policy = Managed(call, "iam:ListEntitiesForPolicy");
        lock (call.State.Gate)
        {
            var a = call.Account;
            return ServiceResult.Of(
                Members("PolicyGroups", a.Groups.Values.Where(g => g.AttachedPolicyArns.Contains(policy.Arn)).Select(g => (object)E("member", E("GroupName", g.Name), E("GroupId", g.Id)))),
                Members("PolicyUsers", a.Users.Values.Where(u => u.AttachedPolicyArns.Contains(policy.Arn)).Select(u => (object)E("member", E("UserName", u.Name), E("UserId", u.Id)))),
                Members("PolicyRoles", a.Roles.Values.Where(r => r.AttachedPolicyArns.Contains(policy.Arn)).Select(r => (object)E("member", E("RoleName", r.Name), E("RoleId", r.Id)))),
                E("IsTruncated", false));
        }
    }

    private static ServiceResult ListPolicies(SandboxCall call)
    {
        call.Authorize("iam:ListPolicies", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:policy/");
        var scope = call.Form.Get("Scope") ?? "All";
        lock (call.State.Gate)
        {
            IEnumerable<ManagedPolicy> all = scope switch
            {
                "AWS" => call.State.AwsManagedPolicies.Values,
                "Local" => call.Account.Policies.Values,
                _ => call.State.AwsManagedPolicies.Values.Concat(call.Account.Policies.Values),
            };
            return Page(call, "Policies", UnderPathPrefix(call, all, p => p.Path).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), p => IamXml.Policy(p, "member"));
        }
    }
}
