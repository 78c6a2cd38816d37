using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddProfileOperations()
    {
        _operations["CreateInstanceProfile"] = CreateInstanceProfile;
        _operations["GetInstanceProfile"] = c => { var p = Profile(c, "iam:GetInstanceProfile"); lock (c.State.Gate) { return ServiceResult.Of(IamXml.Profile(p, c.Account)); } };
        _operations["DeleteInstanceProfile"] = DeleteInstanceProfile;
        _operations["AddRoleToInstanceProfile"] = c => ProfileRole(c, add: true);
        _operations["RemoveRoleFromInstanceProfile"] = c => ProfileRole(c, add: false);
        _operations["ListInstanceProfilesForRole"] = ListInstanceProfilesForRole;
        _operations["ListInstanceProfiles"] = c =>
        {
            c.Authorize("iam:ListInstanceProfiles", $"arn:{c.Account.Partition}:iam::{c.Account.Id}:instance-profile/");
            lock (c.State.Gate)
            {
                return Page(c, "InstanceProfiles", c.Account.InstanceProfiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), p => IamXml.Profile(p, c.Account, "member"));
            }
        };
    }

    private static InstanceProfile Profile(SandboxCall call, string action)
    {
        var name = call.Form.Required("InstanceProfileName");
        call.Authorize(action, $"arn:{call.Account.Partition}:iam::{call.Account.Id}:instance-profile/{name}");
        lock (call.State.Gate)
        {
            return call.Account.InstanceProfiles.GetValueOrDefault(name)
                ?? throw new AwsServiceException("NoSuchEntity", $"Instance Profile {name} cannot be found.", 404);
        }
    }

    private static ServiceResult CreateInstanceProfile(SandboxCall call)
    {
        var name = call.Form.Required("InstanceProfileName");
        var path = call.Form.Get("Path") ?? "/";
        call.Authorize("iam:CreateInstanceProfile", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:instance-profile{path}{name}");
        lock (call.State.Gate)
        {
            if (call.Account.InstanceProfiles.ContainsKey(name))
            {
                throw new AwsServiceException("EntityAlreadyExists", $"Instance Profile {name} already exists.", 409);
            }

            var profile = new InstanceProfile(name, call.State.Ids.UniqueId("AIPA"), $"arn:{call.Account.Partition}:iam::{call.Account.Id}:instance-profile{path}{name}", path, call.Time);
            call.Account.InstanceProfiles[name] = profile;
            call.Resources.Add(("AWS::IAM::InstanceProfile", name));
            return ServiceResult.Of(IamXml.Profile(profile, call.Account));
        }
    }

    private static ServiceResult DeleteInstanceProfile(SandboxCall call)
    {
        var profile = Profile(call, "iam:DeleteInstanceProfile");
        lock (call.State.Gate)
        {
            if (profile.RoleNames.Count > 0)
            {
                throw IamErrors.DeleteConflict("remove roles from instance profile");
            }

            call.Account.InstanceProfiles.Remove(profile.Name);
            call.Resources.Add(("AWS::IAM::InstanceProfile", profile.Name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ProfileRole(SandboxCall call, bool add)
    {
        var profile = Profile(call, add ? "iam:AddRoleToInstanceProfile" : "iam:RemoveRoleFromInstanceProfile");
        var roleName = call.Form.Required("RoleName");
        lock (call.State.Gate)
        {
            Role(call.Account, roleName);
            if (add)
            {
                if (profile.RoleNames.Count > 0)
                {
                    throw new AwsServiceException("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409);
                }

                profile.RoleNames.Add(roleName);
            }
            else if (!profile.RoleNames.Remove(roleName))
            {
                throw new AwsServiceException("NoSuchEntity", $"The role with name {roleName} cannot be found in instance profile {profile.Name}.", 404);
            }

            call.Resources.Add(("AWS::IAM::InstanceProfile", profile.Name));
            call.Resources.Add(("AWS::IAM::Role", roleName));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListInstanceProfilesForRole(SandboxCall call)
    {
        var roleName = call.Form.Required("RoleName");
        call.Authorize("iam:ListInstanceProfilesForRole", RoleArn(call, roleName));
        lock (call.State.Gate)
        {
            Role(call.Account, roleName);
            var profiles = call.Account.InstanceProfiles.Values.Where(p => p.RoleNames.Contains(roleName)).ToList();
            return Page(call, "InstanceProfiles", profiles, p => IamXml.Profile(p, call.Account, "member"));
        }
    }
}
