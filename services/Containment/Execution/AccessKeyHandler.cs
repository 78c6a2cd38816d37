using CredIr.Aws;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>iam:UpdateAccessKey to Inactive (kept as evidence, reversible).</summary>
internal sealed class AccessKeyHandler : IStepHandler
{
    public string Action => StepActions.DeactivateAccessKey;

    public async Task<StepOutcome> ApplyAsync(IamClient iam, StepParameters parameters, CancellationToken ct)
    {
        var key = await FindAsync(iam, parameters, ct).ConfigureAwait(false);
        if (key is null)
        {
            return new StepOutcome(StepStatus.Failed, $"Access key {parameters.AccessKeyId} no longer exists on user {parameters.UserName}: it was deleted since the plan was made.");
        }

        var prior = new PriorState { Resource = "access-key", Status = key.Status.ToString() };
        if (key.Status == AccessKeyStatus.Inactive)
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"Access key {key.AccessKeyId} is already Inactive.", prior);
        }

        await iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest(key.AccessKeyId, AccessKeyStatus.Inactive, parameters.UserName), ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.Succeeded, $"Access key {key.AccessKeyId} of user {parameters.UserName} is now Inactive (it was Active).", prior);
    }

    public async Task<StepOutcome> RestoreAsync(IamClient iam, StepParameters parameters, PriorState prior, CancellationToken ct)
    {
        if (!Enum.TryParse<AccessKeyStatus>(prior.Status, out var wanted))
        {
            return new StepOutcome(StepStatus.Failed, $"The recorded prior state of access key {parameters.AccessKeyId} has no status to restore.");
        }

        var key = await FindAsync(iam, parameters, ct).ConfigureAwait(false);
        if (key is null)
        {
            return new StepOutcome(StepStatus.Failed, $"Access key {parameters.AccessKeyId} no longer exists on user {parameters.UserName}: nothing to restore.");
        }

        if (key.Status == wanted)
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"Access key {key.AccessKeyId} is already {wanted}.");
        }

        await iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest(key.AccessKeyId, wanted, parameters.UserName), ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.RolledBack, $"Access key {key.AccessKeyId} of user {parameters.UserName} is {wanted} again.");
    }

    private static async Task<IamAccessKeyMetadata?> FindAsync(IamClient iam, StepParameters parameters, CancellationToken ct)
    {
        await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(parameters.UserName), ct).ConfigureAwait(false))
        {
            if (key.AccessKeyId == parameters.AccessKeyId)
            {
                return key;
            }
        }

        return null;
    }
}
