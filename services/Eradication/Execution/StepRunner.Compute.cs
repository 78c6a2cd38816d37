using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddComputeActions()
    {
        _actions["ec2:TerminateInstances"] = TerminateInstanceAsync;
        _actions["lambda:DeleteFunction"] = DeleteFunctionAsync;
    }

    private static async Task<StepOutcome> TerminateInstanceAsync(StepContext step, CancellationToken ct)
    {
        var ec2 = (await step.RegionalAsync(ct)).Ec2;
        var id = step.Id;
        var instance = await ComputeState.InstanceAsync(ec2, id, ct);
        if (instance is null || instance.State is "terminated" or "shutting-down")
        {
            return StepOutcome.AlreadyDone($"Instance {id} is {instance?.State ?? "gone"}.", instance is null ? PriorState.Absent($"instance/{id}") : Prior(instance));
        }

        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id]), ct);
        return StepOutcome.Done($"Terminated instance {id} in {step.Region} (it was {instance.State}).", Prior(instance));
    }

    private static PriorState Prior(Ec2Instance instance) => PriorState.Present(
        $"instance/{instance.InstanceId}",
        ("state", instance.State), ("instanceType", instance.InstanceType), ("imageId", instance.ImageId),
        ("iamInstanceProfileArn", instance.IamInstanceProfileArn), ("launchTime", instance.LaunchTime?.ToString("O")),
        ("tags", string.Join(',', instance.Tags.Select(static t => $"{t.Key}={t.Value}"))));

    private static async Task<StepOutcome> DeleteFunctionAsync(StepContext step, CancellationToken ct)
    {
        var lambda = (await step.RegionalAsync(ct)).Lambda;
        var name = step.Id;
        GetFunctionResponse function;
        try
        {
            function = await lambda.GetFunctionAsync(new GetFunctionRequest(name), ct);
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Function {name} no longer exists.", PriorState.Absent($"function/{name}"));
        }

        await lambda.DeleteFunctionAsync(new DeleteFunctionRequest(name), ct);
        var c = function.Configuration;
        return StepOutcome.Done($"Deleted function {name} in {step.Region}.",
            PriorState.Present($"function/{name}", ("arn", c.FunctionArn), ("role", c.Role), ("runtime", c.Runtime), ("handler", c.Handler), ("codeSha256", c.CodeSha256)));
    }
}
