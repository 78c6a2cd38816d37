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
                new StepBuilder(change.ItemId, change.Resource)
                    .Manual($"Keep evidence of {id} before it goes", $"aws ec2 create-snapshot for each EBS volume of {id}, tagged with the incident id.")
                    .Add(RecoveryActions.TerminateInstance, $"Terminate {id}; group {group} replaces it from its launch template", new JsonObject { ["instanceId"] = id, ["group"] = group }, reversible: false)
                    .Steps));
        }

        return choices.Offer(isolate);
    }

    // The sandbox and the EC2 client have no security-group calls yet, so isolation is a person's checklist.
    private static StrategyOption Isolate(ActorChange change, Ec2Instance instance)
    {
        var id = instance.InstanceId;
        var region = change.Resource.Region;
        return new StrategyOption(RecoveryStrategy.Isolate,
            $"Instance {id} ({instance.State}, no Auto Scaling group replaces it) is kept for forensics and taken out of service; changed by {string.Join(", ", change.EventNames)}.",
            null,
            new StepBuilder(change.ItemId, change.Resource).Manual($"Isolate {id} and keep it for forensics",
                $"aws ec2 create-security-group --group-name isolate-{id} --description \"incident isolation\" --vpc-id {instance.VpcId ?? "<vpc>"} --region {region} (no inbound rules; revoke its default outbound rule)",
                $"aws ec2 modify-instance-attribute --instance-id {id} --groups <isolation-group-id> --region {region}",
                $"Deregister {id} from load balancers and target groups; detach it from any Auto Scaling group with --should-decrement-desired-capacity false.",
                $"aws ec2 create-snapshot for each EBS volume of {id}; enable termination protection: aws ec2 modify-instance-attribute --instance-id {id} --disable-api-termination",
                "Prepare a clean replacement from the application's launch template or AMI and put it into service.").Steps);
    }
}
