using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddEc2CleanupActions()
    {
        _actions["ec2:DeleteSecurityGroup"] = DeleteSecurityGroupAsync;
        _actions["ec2:DeleteKeyPair"] = DeleteKeyPairAsync;
    }

    /// <summary>
    /// EC2 refuses with DependencyViolation while an instance still uses the group: the plan terminates the actor's
    /// instances first; a group the actor put on someone else's instance fails here and says so.
    /// </summary>
    private static async Task<StepOutcome> DeleteSecurityGroupAsync(StepContext step, CancellationToken ct)
    {
        var ec2 = (await step.RegionalAsync(ct)).Ec2;
        var id = step.Id;
        if (await ComputeState.SecurityGroupAsync(ec2, id, ct) is not { } group)
        {
            return StepOutcome.AlreadyDone($"Security group {id} no longer exists.", PriorState.Absent($"security-group/{id}"));
        }

        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(id), ct);
        return StepOutcome.Done($"Deleted security group {id} ({group.GroupName}) in {step.Region}.", PriorState.Present(
            $"security-group/{id}",
            ("groupName", group.GroupName), ("description", group.Description), ("vpcId", group.VpcId),
            ("ingress", Rules(group.IpPermissions)), ("egress", Rules(group.IpPermissionsEgress)), ("tags", Tags(group.Tags))));
    }

    private static async Task<StepOutcome> DeleteKeyPairAsync(StepContext step, CancellationToken ct)
    {
        var ec2 = (await step.RegionalAsync(ct)).Ec2;
        var name = step.Id;
        if (await ComputeState.KeyPairAsync(ec2, name, ct) is not { } pair)
        {
            return StepOutcome.AlreadyDone($"Key pair {name} no longer exists.", PriorState.Absent($"key-pair/{name}"));
        }

        await ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest(name), ct);
        return StepOutcome.Done($"Deleted key pair {name} in {step.Region}; instances launched with it keep the public key in their authorized keys.", PriorState.Present(
            $"key-pair/{name}",
            ("keyPairId", pair.KeyPairId), ("keyFingerprint", pair.KeyFingerprint), ("keyType", pair.KeyType), ("createTime", pair.CreateTime?.ToString("O")), ("tags", Tags(pair.Tags))));
    }

    private static string Rules(IReadOnlyList<Ec2IpPermission> rules) =>
        string.Join(';', rules.Select(static r => $"{r.IpProtocol}:{r.FromPort}-{r.ToPort}:{string.Join(',', r.CidrIps)}"));

    private static string Tags(IReadOnlyList<Ec2Tag> tags) => string.Join(',', tags.Select(static t => $"{t.Key}={t.Value}"));
}
