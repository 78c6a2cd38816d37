using System.Text.Json.Nodes;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Cloud;

namespace CredIr.Recovery.Planning;

/// <summary>
/// An instance the actor changed (Part 4, step 1): replaced when an Auto Scaling group would launch a clean one
/// (the group's aws:autoscaling:groupName tag, looked up on the instance), otherwise isolated and kept for forensics.
/// </summary>
internal sealed class InstancePlanner(IAccountClients clients)
{
    private const string GroupTag = "aws:autoscaling:groupName";

    public async Task<StrategyChoices> ChooseAsync(ActorChange change, CancellationToken cancellationToken)
    {
        var choices = new StrategyChoices();
        var id = change.Resource.Id;
        var ec2 = (await clients.ForAccountAsync(change.Resource.AccountId, change.Resource.Region, cancellationToken).ConfigureAwait(false)).Ec2;
        Ec2Instance? instance = null;
        await foreach (var found in ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: [id]), cancellationToken).ConfigureAwait(false))
        {
            instance = found;
        }

        if (instance is null || instance.State is "terminated" or "shutting-down")
        {
            var why = $"instance {id} no longer exists ({instance?.State ?? "not found"})";
            return choices.Missing(RecoveryStrategy.Replace, why).Missing(RecoveryStrategy.Isolate, why)
                .Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                    new StepBuilder(change.ItemId, change.Resource).Manual($"Bring back the service instance {id} provided",
                        "Launch a replacement from the application's launch template or AMI recorded in the CMDB.",
                        "Check that the replacement is healthy and registered with its load balancer.").Steps));
        }

        var group = instance.Tags.FirstOrDefault(t => t.Key == GroupTag)?.Value;
        var isolate = Isolate(change, instance);
        if (group is null)
        {
            choices.Missing(RecoveryStrategy.Replace, $"instance {id} has no {GroupTag} tag: no Auto Scaling group would launch a replacement");
        }
        else
        {
            choices.Offer(new StrategyOption(RecoveryStrategy.Replace,
                $"Instance {id} belongs to Auto Scaling group {group} (its {GroupTag} tag): terminate it and let the group launch a clean one.", $"asg:{group}",
                Snapshotted(new StepBuilder(change.ItemId, change.Resource), instance, "to keep the evidence before it goes")
                    .Add(RecoveryActions.TerminateInstance, $"Terminate {id}; group {group} replaces it from its launch template", new JsonObject { ["instanceId"] = id, ["group"] = group }, reversible: false)
                    .Steps));
        }

        return choices.Offer(isolate);
    }

    private static StrategyOption Isolate(ActorChange change, Ec2Instance instance)
    {
        var id = instance.InstanceId;
        var region = change.Resource.Region;
        var group = new JsonObject { ["instanceId"] = id, ["groupName"] = $"credir-isolation-{id}", ["vpcId"] = instance.VpcId };
        return new StrategyOption(RecoveryStrategy.Isolate,
            $"Instance {id} ({instance.State}, no Auto Scaling group replaces it) is kept for forensics and taken out of service; changed by {string.Join(", ", change.EventNames)}.",
            null,
            Snapshotted(new StepBuilder(change.ItemId, change.Resource)
                .Add(RecoveryActions.CreateIsolationGroup, $"Create security group credir-isolation-{id} allowing no traffic in or out", group.DeepClone().AsObject())
                .Add(RecoveryActions.IsolateInstance, $"Make credir-isolation-{id} the only security group of {id} (its groups now are kept in the step's prior state)", group.DeepClone().AsObject())
                .Add(RecoveryActions.ProtectInstance, $"Enable termination protection on {id} so the evidence is not destroyed by mistake", new JsonObject { ["instanceId"] = id }), instance, "for forensics")
                .Manual($"Take {id} out of service and replace it",
                    $"Deregister {id} from its load balancers and target groups (aws elbv2 deregister-targets --target-group-arn <arn> --targets Id={id} --region {region}).",
                    $"If it is in an Auto Scaling group, detach it: aws autoscaling detach-instances --instance-ids {id} --auto-scaling-group-name <group> --should-decrement-desired-capacity false --region {region}.",
                    $"Capture its memory with your forensic tooling before stopping it, if the investigation needs it; connections already open are not cut by a security group change.",
                    "Put a clean replacement into service from the application's launch template or AMI recorded in the CMDB.")
                .Steps);
    }

    // An instance store-backed instance has no EBS volume to snapshot.
    private static StepBuilder Snapshotted(StepBuilder steps, Ec2Instance instance, string why) =>
        instance.VolumeIds.Count == 0
            ? steps
            : steps.Add(RecoveryActions.SnapshotVolumes, $"Snapshot every EBS volume of {instance.InstanceId} ({string.Join(", ", instance.VolumeIds)}) {why}", new JsonObject
            {
                ["instanceId"] = instance.InstanceId,
                ["volumeIds"] = new JsonArray([.. instance.VolumeIds.Select(v => (JsonNode)v)]),
            }, reversible: false);
}
