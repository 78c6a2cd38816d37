using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>Tags on users and roles: Tag*/Untag*/List*Tags, and the Tags parameter of CreateUser and CreateRole.</summary>
internal sealed partial class IamService
{
    private const int MaxTags = 50;

    private void AddTagOperations()
    {
        _operations["TagUser"] = c => Tag(c, "iam:TagUser", UserHolder(c));
        _operations["UntagUser"] = c => Untag(c, "iam:UntagUser", UserHolder(c));
        _operations["ListUserTags"] = c => ListTags(c, "iam:ListUserTags", UserHolder(c));
        _operations["TagRole"] = c => Tag(c, "iam:TagRole", RoleHolder(c));
        _operations["UntagRole"] = c => Untag(c, "iam:UntagRole", RoleHolder(c));
        _operations["ListRoleTags"] = c => ListTags(c, "iam:ListRoleTags", RoleHolder(c));
    }

    private static (string Arn, Func<PolicyHolder> Find) UserHolder(SandboxCall call)
    {
        var name = call.Form.Required("UserName");
        return (UserArn(call, name), () => User(call.Account, name));
    }

    private static (string Arn, Func<PolicyHolder> Find) RoleHolder(SandboxCall call)
    {
        var name = call.Form.Required("RoleName");
        return (RoleArn(call, name), () => Role(call.Account, name));
    }

    /// <summary>The Tags.member.N.Key / .Value parameter (CreateUser, CreateRole, TagUser, TagRole).</summary>
    internal static List<(string Key, string Value)> TagsParameter(SandboxCall call)
    {
        var tags = new List<(string, string)>();
        for (var i = 1; call.Form.Get($"Tags.member.{i}.Key") is { } key; i++)
        {
            tags.Add((key, call.Form.Get($"Tags.member.{i}.Value") ?? ""));
        }

        if (tags.Count > MaxTags)
        {
            throw IamErrors.Invalid($"1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {MaxTags}");
        }

        return tags;
    }

    /// <summary>Sets tags, refusing more than IAM allows on one entity (with what is already there).</summary>
    internal static void ApplyTags(PolicyHolder holder, IReadOnlyList<(string Key, string Value)> tags)
    {
        var keys = holder.Tags.Keys.Concat(tags.Select(static t => t.Key)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (keys > MaxTags)
        {
            throw new AwsServiceException("LimitExceeded", $"The number of tags has reached the maximum limit of {MaxTags}.", 409);
        }

        foreach (var (key, value) in tags)
        {
            var existing = holder.Tags.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            holder.Tags.Remove(existing);
            holder.Tags[existing] = value;
        }
    }

    internal static System.Xml.Linq.XElement? TagsXml(PolicyHolder holder) =>
        holder.Tags.Count == 0 ? null : Members("Tags", holder.Tags.Select(static t => (object)E("member", E("Key", t.Key), E("Value", t.Value))));

    private static ServiceResult Tag(SandboxCall call, string action, (string Arn, Func<PolicyHolder> Find) target)
    {
        var tags = TagsParameter(call);
        call.Authorize(action, target.Arn);
        lock (call.State.Gate)
        {
            ApplyTags(target.Find(), tags);
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult Untag(SandboxCall call, string action, (string Arn, Func<PolicyHolder> Find) target)
    {
        var keys = call.Form.List("TagKeys");
        call.Authorize(action, target.Arn);
        lock (call.State.Gate)
        {
            var holder = target.Find();
            foreach (var key in keys)
            {
                holder.Tags.Remove(key);
            }

            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListTags(SandboxCall call, string action, (string Arn, Func<PolicyHolder> Find) target)
    {
        call.Authorize(action, target.Arn);
        lock (call.State.Gate)
        {
            return Page(call, "Tags", target.Find().Tags.ToList(), static t => E("member", E("Key", t.Key), E("Value", t.Value)));
        }
    }
}
