using System.Text.Json.Nodes;
using CredIr.Aws;

namespace CredIr.Recovery.Execution;

/// <summary>
/// Taking an instance out of service and keeping it for forensics: a security group with no rules at all,
/// the instance moved into it alone, termination protection on, and a snapshot of every volume. Each step
/// finds its earlier result by name or tag, so a replay creates nothing twice.
/// </summary>
internal sealed partial class StepRunner
{
    /// <summary>The tag a forensic snapshot carries: the instance it was taken of.</summary>
    public const string ForensicsTag = "credir:forensics-of";

    private static async Task<StepOutcome> CreateIsolationGroupAsync(Ec2Client ec2, StepParameters p, CancellationToken cancellationToken)
    {
        var (name, vpc) = (p.Required("groupName"), p.Optional("vpcId"));
        var group = await FindGroupAsync(ec2, name, vpc, cancellationToken).ConfigureAwait(false);
        string outcome;
        if (group is null)
        {
            var created = await ec2.CreateSecurityGroupAsync(
                new CreateSecurityGroupRequest(name, $"Isolation of {p.Required("instanceId")} for forensics: no traffic in or out", vpc, [new Ec2Tag(ForensicsTag, p.Required("instanceId"))]),
                cancellationToken).ConfigureAwait(false);
            group = await FindGroupAsync(ec2, name, vpc, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"security group {created.GroupId} was created but cannot be read back");
            outcome = $"security group {group.GroupId} ({name}) created";
        }
        else
        {
            outcome = $"security group {group.GroupId} ({name}) exists";
        }

        // A new group allows all outbound traffic: an isolation group allows none.
        if (group.IpPermissionsEgress.Count > 0)
        {
            await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest(group.GroupId, group.IpPermissionsEgress), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done($"{outcome}; its outbound rules revoked: it allows no traffic", new JsonObject { ["groupId"] = group.GroupId }.ToJsonString());
        }

        return StepOutcome.Already($"{outcome} and allows no traffic", new JsonObject { ["groupId"] = group.GroupId }.ToJsonString());
    }

    private static async Task<StepOutcome> IsolateAsync(Ec2Client ec2, StepParameters p, CancellationToken cancellationToken)
    {
        var (id, name, vpc) = (p.Required("instanceId"), p.Required("groupName"), p.Optional("vpcId"));
        var group = await FindGroupAsync(ec2, name, vpc, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"isolation security group {name} does not exist: run the step that creates it first");
        var current = (await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest(id, "groupSet"), cancellationToken).ConfigureAwait(false)).GroupIds;
        var prior = new JsonObject { ["groupIds"] = new JsonArray([.. current.Select(g => (JsonNode)g)]) }.ToJsonString();
        if (current.Count == 1 && current[0] == group.GroupId)
        {
            return StepOutcome.Already($"{id} is already isolated in {group.GroupId}", prior);
        }

        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest(id, Groups: [group.GroupId]), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"{id} isolated: its only security group is {group.GroupId} (was {(current.Count == 0 ? "none" : string.Join(", ", current))})", prior);
    }

    private static async Task<StepOutcome> ProtectAsync(Ec2Client ec2, StepParameters p, CancellationToken cancellationToken)
    {
        var id = p.Required("instanceId");
        var current = (await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest(id, "disableApiTermination"), cancellationToken).ConfigureAwait(false)).DisableApiTermination;
        var prior = new JsonObject { ["disableApiTermination"] = current }.ToJsonString();
        if (current == true)
        {
            return StepOutcome.Already($"{id} already has termination protection", prior);
        }

        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest(id, DisableApiTermination: true), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"termination protection enabled on {id}", prior);
    }

    private static async Task<StepOutcome> SnapshotAsync(Ec2Client ec2, StepParameters p, CancellationToken cancellationToken)
    {
        var id = p.Required("instanceId");
        var taken = new List<string>();
        var existing = new List<string>();
        foreach (var volume in p.Strings("volumeIds"))
        {
            Ec2Snapshot? found = null;
            await foreach (var snapshot in ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest(
                OwnerIds: ["self"], Filters: [new Ec2Filter("volume-id", [volume]), new Ec2Filter($"tag:{ForensicsTag}", [id])]), cancellationToken).ConfigureAwait(false))
            {
                found = snapshot;
            }

            if (found is not null)
            {
                existing.Add($"{volume}: {found.SnapshotId}");
                continue;
            }

            var created = await ec2.CreateSnapshotAsync(
                new CreateSnapshotRequest(volume, $"Forensic copy of {volume} of {id}", [new Ec2Tag(ForensicsTag, id)]), cancellationToken).ConfigureAwait(false);
            taken.Add($"{volume}: {created.SnapshotId}");
        }

        var summary = string.Join("; ", taken.Concat(existing));
        return taken.Count == 0
            ? StepOutcome.Already($"every volume of {id} already has a forensic snapshot ({summary})")
            : StepOutcome.Done($"forensic snapshots of {id}: {summary}");
    }

    private static async Task<Ec2SecurityGroup?> FindGroupAsync(Ec2Client ec2, string name, string? vpc, CancellationToken cancellationToken)
    {
        List<Ec2Filter> filters = [new("group-name", [name])];
        if (vpc is not null)
        {
            filters.Add(new("vpc-id", [vpc]));
        }

        await foreach (var group in ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(Filters: filters), cancellationToken).ConfigureAwait(false))
        {
            return group;
        }

        return null;
    }
}
