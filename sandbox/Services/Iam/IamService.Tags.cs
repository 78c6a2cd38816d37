using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>
/// Tags of users and roles (TagUser, UntagRole, ListUserTags...), also given at CreateUser / CreateRole with the
/// permissions boundary. IAM's limits: 50 tags, keys of 1-128 and values of 0-256 characters, keys unique
/// regardless of case.
/// </summary>
internal sealed partial class IamService
{
    private const int MaxTags = 50;

    private void AddTagOperations()
    {
        foreach (var kind in new[] { "user", "role" })
        {
            var cap = Cap(kind);
            var nameKey = $"{cap}Name";
            _operations[$"Tag{cap}"] = c => TagHolder(c, kind, c.Form.Required(nameKey));
            _operations[$"Untag{cap}"] = c => UntagHolder(c, kind, c.Form.Required(nameKey));
            _operations[$"List{cap}Tags"] = c => ListHolderTags(c, kind, c.Form.Required(nameKey));
        }
    }

    /// <summary>CreateUser / CreateRole's Tags and PermissionsBoundary, checked (and authorized) before the entity is made.</summary>
    private static (List<KeyValuePair<string, string>> Tags, string? Boundary) CreateExtras(SandboxCall call, string kind, string arn)
    {
        var tags = Tags(call.Form);
        if (tags.Count > 0)
        {
            // Tagging on create needs the tagging permission as well, as AWS checks it.
            call.Authorize($"iam:Tag{Cap(kind)}", arn);
        }

        var boundary = call.Form.Get("PermissionsBoundary");
        if (boundary is not null)
        {
            lock (call.State.Gate)
            {
                CheckBoundary(call, boundary);
            }
        }

        return (tags, boundary);
    }

    private static void ApplyExtras(PolicyHolder holder, (List<KeyValuePair<string, string>> Tags, string? Boundary) extras)
    {
        foreach (var (key, value) in extras.Tags)
        {
            SetTag(holder, key, value);
        }

        holder.PermissionsBoundary = extras.Boundary;
    }

    private static ServiceResult TagHolder(SandboxCall call, string kind, string name)
    {
        var tags = Tags(call.Form);
        if (tags.Count == 0)
        {
            throw IamErrors.Invalid("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        }

        call.Authorize($"iam:Tag{Cap(kind)}", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            var merged = new Dictionary<string, string>(holder.Tags, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in tags)
            {
                merged[key] = value;
            }

            if (merged.Count > MaxTags)
            {
                throw new AwsServiceException("LimitExceeded", $"Cannot exceed quota for TagsPer{Cap(kind)}: {MaxTags}.", 409);
            }

            foreach (var (key, value) in tags)
            {
                SetTag(holder, key, value);
            }

            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult UntagHolder(SandboxCall call, string kind, string name)
    {
        var keys = call.Form.List("TagKeys");
        call.Authorize($"iam:Untag{Cap(kind)}", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            foreach (var key in keys)
            {
                if (holder.Tags.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } existing)
                {
                    holder.Tags.Remove(existing);
                }
            }

            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult ListHolderTags(SandboxCall call, string kind, string name)
    {
        call.Authorize($"iam:List{Cap(kind)}Tags", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            return ServiceResult.Of(IamXml.Tags(holder), E("IsTruncated", false));
        }
    }

    private static List<KeyValuePair<string, string>> Tags(QueryParams form)
    {
        var tags = new List<KeyValuePair<string, string>>();
        for (var i = 1; form.Get($"Tags.member.{i}.Key") is { } key; i++)
        {
            var value = form.Get($"Tags.member.{i}.Value") ?? "";
            if (key.Length is 0 or > 128 || value.Length > 256)
            {
                throw IamErrors.Invalid($"1 validation error detected: Value at 'tags.{i}.member' failed to satisfy constraint: Member must have a key of 1 to 128 and a value of 0 to 256 characters");
            }

            if (tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new AwsServiceException("InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.", 400);
            }

            tags.Add(new(key, value));
        }

        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("LimitExceeded", $"Cannot exceed quota for tags: {MaxTags}.", 409);
        }

        return tags;
    }

    // IAM tag keys are case-insensitive: a new value replaces the one under the key however it was spelt.
    private static void SetTag(PolicyHolder holder, string key, string value)
    {
        if (holder.Tags.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            holder.Tags.Remove(existing);
        }

        holder.Tags[key] = value;
    }
}
