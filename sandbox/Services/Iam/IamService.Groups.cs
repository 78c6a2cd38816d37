using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddGroupOperations()
    {
        _operations["CreateGroup"] = CreateGroup;
        _operations["GetGroup"] = GetGroup;
        _operations["ListGroups"] = ListGroups;
        _operations["DeleteGroup"] = DeleteGroup;
        _operations["AddUserToGroup"] = c => Membership(c, add: true);
        _operations["RemoveUserFromGroup"] = c => Membership(c, add: false);
        _operations["ListGroupsForUser"] = ListGroupsForUser;
        _operations["PutGroupPolicy"] = c => PutInline(c, "group", c.Form.Required("GroupName"));
        _operations["GetGroupPolicy"] = c => GetInline(c, "group", c.Form.Required("GroupName"));
        _operations["DeleteGroupPolicy"] = c => DeleteInline(c, "group", c.Form.Required("GroupName"));
        _operations["ListGroupPolicies"] = c => ListInline(c, "group", c.Form.Required("GroupName"));
        _operations["AttachGroupPolicy"] = c => AttachManaged(c, "group", c.Form.Required("GroupName"));
        _operations["DetachGroupPolicy"] = c => DetachManaged(c, "group", c.Form.Required("GroupName"));
        _operations["ListAttachedGroupPolicies"] = c => ListAttached(c, "group", c.Form.Required("GroupName"));
    }

    private static ServiceResult CreateGroup(SandboxCall call)
    {
        var name = call.Form.Required("GroupName");
        var path = call.Form.Get("Path") ?? "/";
        call.Authorize("iam:CreateGroup", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:group{path}{name}");
        lock (call.State.Gate)
        {
            var group = IamStore.AddGroup(call.State, call.Account, name, path);
            call.Resources.Add(("AWS::IAM::Group", name));
            return ServiceResult.Of(IamXml.Group(group));
        }
    }

    private static ServiceResult GetGroup(SandboxCall call)
    {
        var name = call.Form.Required("GroupName");
        call.Authorize("iam:GetGroup", HolderArn(call, "group", name));
        lock (call.State.Gate)
        {
            var group = call.Account.Groups.GetValueOrDefault(name) ?? throw IamErrors.NoSuch("group", name);
            var members = call.Account.Users.Values.Where(u => u.Groups.Contains(name)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            var page = Page(call, "Users", members, u => IamXml.User(u, "member"));
            return page with { Xml = [IamXml.Group(group), .. page.Xml] };
        }
    }

    private static ServiceResult ListGroups(SandboxCall call)
    {
        call.Authorize("iam:ListGroups", $"arn:{call.Account.Partition}:iam::{call.Account.Id}:group/");
        lock (call.State.Gate)
        {
            return Page(call, "Groups", call.Account.Groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList(), g => IamXml.Group(g, "member"));
        }
    }

    private static ServiceResult DeleteGroup(SandboxCall call)
    {
        var name = call.Form.Required("GroupName");
        call.Authorize("iam:DeleteGroup", HolderArn(call, "group", name));
        lock (call.State.Gate)
        {
            var group = call.Account.Groups.GetValueOrDefault(name) ?? throw IamErrors.NoSuch("group", name);
            if (call.Account.Users.Values.Any(u => u.Groups.Contains(name)))
            {
                throw IamErrors.DeleteConflict("remove users from group");
            }

            if (group.InlinePolicies.Count > 0 || group.AttachedPolicyArns.Count > 0)
            {
                throw IamErrors.DeleteConflict("delete policies");
            }

            call.Account.Groups.Remove(name);
            call.Resources.Add(("AWS::IAM::Group", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult Membership(SandboxCall call, bool add)
    {
        var groupName = call.Form.Required("GroupName");
        var userName = call.Form.Required("UserName");
        call.Authorize(add ? "iam:AddUserToGroup" : "iam:RemoveUserFromGroup", HolderArn(call, "group", groupName));
        lock (call.State.Gate)
        {
            if (!call.Account.Groups.ContainsKey(groupName))
            {
                throw IamErrors.NoSuch("group", groupName);
            }

            var user = User(call.Account, userName);
            if (add)
            {
                user.Groups.Add(groupName);
            }
            else if (!user.Groups.Remove(groupName))
            {
                throw new AwsServiceException("NoSuchEntity", $"The user with name {userName} cannot be found in group {groupName}.", 404);
            }

            call.Resources.Add(("AWS::IAM::Group", groupName));
            call.Resources.Add(("AWS::IAM::User", userName));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListGroupsForUser(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        call.Authorize("iam:ListGroupsForUser", UserArn(call, name));
        lock (call.State.Gate)
        {
            var user = User(call.Account, name);
            var groups = user.Groups.Select(g => call.Account.Groups.GetValueOrDefault(g)).OfType<Model.IamGroup>().ToList();
            return Page(call, "Groups", groups, g => IamXml.Group(g, "member"));
        }
    }
}
