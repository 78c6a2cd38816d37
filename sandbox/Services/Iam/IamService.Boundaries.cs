using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>
/// Permissions boundaries of users and roles (Put/Delete*PermissionsBoundary; GetUser / GetRole show them): a
/// boundary must be an existing managed policy, and the policy evaluator caps the entity's rights with it.
/// </summary>
internal sealed partial class IamService
{
    private void AddBoundaryOperations()
    {
        foreach (var kind in new[] { "user", "role" })
        {
            var cap = Cap(kind);
            var nameKey = $"{cap}Name";
            _operations[$"Put{cap}PermissionsBoundary"] = c => PutBoundary(c, kind, c.Form.Required(nameKey));
            _operations[$"Delete{cap}PermissionsBoundary"] = c => DeleteBoundary(c, kind, c.Form.Required(nameKey));
        }
    }

    /// <summary>CreateUser / CreateRole's PermissionsBoundary, checked before the entity is made.</summary>
    private static string? CreateBoundary(SandboxCall call)
    {
        var boundary = call.Form.Get("PermissionsBoundary");
        if (boundary is not null)
        {
            lock (call.State.Gate)
            {
                CheckBoundary(call, boundary);
            }
        }

        return boundary;
    }

    private static ServiceResult PutBoundary(SandboxCall call, string kind, string name)
    {
        var boundary = call.Form.Required("PermissionsBoundary");
        call.Authorize($"iam:Put{Cap(kind)}PermissionsBoundary", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            CheckBoundary(call, boundary);
            holder.PermissionsBoundary = boundary;
            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            call.Resources.Add(("AWS::IAM::Policy", boundary));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult DeleteBoundary(SandboxCall call, string kind, string name)
    {
        call.Authorize($"iam:Delete{Cap(kind)}PermissionsBoundary", HolderArn(call, kind, name));
        lock (call.State.Gate)
        {
            var holder = Holder(call.Account, kind, name);
            if (holder.PermissionsBoundary is null)
            {
                throw new AwsServiceException("NoSuchEntity", $"The {kind} with name {name} does not have a permissions boundary.", 404);
            }

            holder.PermissionsBoundary = null;
            call.Resources.Add(($"AWS::IAM::{Cap(kind)}", name));
            return ServiceResult.Empty;
        }
    }

    private static void CheckBoundary(SandboxCall call, string boundary)
    {
        if (!boundary.StartsWith($"arn:{call.Account.Partition}:iam::", StringComparison.Ordinal) || !boundary.Contains(":policy/", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidInput", $"ARN {boundary} is not valid.", 400);
        }

        if (call.State.FindPolicy(call.Account, boundary) is null)
        {
            throw new AwsServiceException("NoSuchEntity", $"Scope ARN: {boundary} does not exist or is not attachable.", 404);
        }
    }
}
