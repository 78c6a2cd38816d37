using System.Text.Json.Nodes;
using CredIr.Aws;

namespace CredIr.Recovery.Execution;

/// <summary>The tags and permissions boundary a recreated user or role had, as the CMDB records them.</summary>
internal sealed partial class StepRunner
{
    private static async Task<StepOutcome> TagAsync(IamClient iam, bool role, StepParameters p, CancellationToken cancellationToken)
    {
        var owner = p.Required("ownerName");
        var wanted = p.Pairs("tags");
        var current = role
            ? (await iam.GetRoleAsync(new GetRoleRequest(owner), cancellationToken).ConfigureAwait(false)).Role.Tags
            : (await iam.GetUserAsync(new GetUserRequest(owner), cancellationToken).ConfigureAwait(false)).User.Tags;
        var prior = new JsonObject { ["tags"] = new JsonObject(current.Select(t => new KeyValuePair<string, JsonNode?>(t.Key, t.Value))) }.ToJsonString();

        // IAM tag keys are case-insensitive; a tag counts as set when its key and exact value are there.
        var missing = wanted
            .Where(w => !current.Any(c => string.Equals(c.Key, w.Key, StringComparison.OrdinalIgnoreCase) && c.Value == w.Value))
            .Select(w => new IamTag(w.Key, w.Value))
            .ToList();
        if (missing.Count == 0)
        {
            return StepOutcome.Already($"{owner} already has the {wanted.Count} recorded tag(s)", prior);
        }

        if (role)
        {
            await iam.TagRoleAsync(new TagRoleRequest(owner, missing), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await iam.TagUserAsync(new TagUserRequest(owner, missing), cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done($"{owner} tagged with {string.Join(", ", missing.Select(t => t.Key))}", prior);
    }

    private static async Task<StepOutcome> BoundaryAsync(IamClient iam, bool role, StepParameters p, CancellationToken cancellationToken)
    {
        var (owner, boundary) = (p.Required("ownerName"), p.Required("permissionsBoundary"));
        var current = role
            ? (await iam.GetRoleAsync(new GetRoleRequest(owner), cancellationToken).ConfigureAwait(false)).Role.PermissionsBoundaryArn
            : (await iam.GetUserAsync(new GetUserRequest(owner), cancellationToken).ConfigureAwait(false)).User.PermissionsBoundaryArn;
        var prior = new JsonObject { ["permissionsBoundary"] = current }.ToJsonString();
        if (current == boundary)
        {
            return StepOutcome.Already($"{owner} already has permissions boundary {boundary}", prior);
        }

        if (role)
        {
            await iam.PutRolePermissionsBoundaryAsync(new PutRolePermissionsBoundaryRequest(owner, boundary), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await iam.PutUserPermissionsBoundaryAsync(new PutUserPermissionsBoundaryRequest(owner, boundary), cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done($"{owner} is capped by permissions boundary {boundary} again{(current is null ? "" : $" (was {current})")}", prior);
    }
}
