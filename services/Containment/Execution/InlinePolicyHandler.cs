using CredIr.Aws;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>
/// Puts an inline deny policy on a user or role (the older-sessions deny, deny-all), recording the
/// policy of the same name that was there before, if any, so a rollback restores or deletes it.
/// </summary>
internal sealed class InlinePolicyHandler(string action, bool onRole) : IStepHandler
{
    public string Action => action;

    public async Task<StepOutcome> ApplyAsync(IamClient iam, StepParameters parameters, CancellationToken ct)
    {
        var current = await GetAsync(iam, parameters, ct).ConfigureAwait(false);
        var prior = new PriorState { Resource = "inline-policy", Exists = current is not null, Document = current };
        if (PolicyDocuments.SameDocument(current, parameters.PolicyDocument))
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"{Owner(parameters)} already has inline policy {parameters.PolicyName} with this document.", prior);
        }

        await PutAsync(iam, parameters, parameters.PolicyDocument!, ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.Succeeded,
            $"{Owner(parameters)} now has inline policy {parameters.PolicyName}{(current is null ? string.Empty : " (it replaced a policy of the same name, recorded for rollback)")}.", prior);
    }

    public async Task<StepOutcome> RestoreAsync(IamClient iam, StepParameters parameters, PriorState prior, CancellationToken ct)
    {
        var current = await GetAsync(iam, parameters, ct).ConfigureAwait(false);
        if (prior.Exists == true && prior.Document is { } document)
        {
            if (PolicyDocuments.SameDocument(current, document))
            {
                return new StepOutcome(StepStatus.AlreadyDone, $"Inline policy {parameters.PolicyName} of {Owner(parameters)} already has its prior document.");
            }

            await PutAsync(iam, parameters, document, ct).ConfigureAwait(false);
            return new StepOutcome(StepStatus.RolledBack, $"Inline policy {parameters.PolicyName} of {Owner(parameters)} is back to its prior document.");
        }

        if (current is null)
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"{Owner(parameters)} has no inline policy {parameters.PolicyName}: nothing to remove.");
        }

        if (onRole)
        {
            await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(parameters.RoleName!, parameters.PolicyName!), ct).ConfigureAwait(false);
        }
        else
        {
            await iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest(parameters.UserName!, parameters.PolicyName!), ct).ConfigureAwait(false);
        }

        return new StepOutcome(StepStatus.RolledBack, $"Inline policy {parameters.PolicyName} is removed from {Owner(parameters)}.");
    }

    private string Owner(StepParameters p) => onRole ? $"Role {p.RoleName}" : $"User {p.UserName}";

    private async Task<string?> GetAsync(IamClient iam, StepParameters p, CancellationToken ct)
    {
        try
        {
            var response = onRole
                ? await iam.GetRolePolicyAsync(new GetRolePolicyRequest(p.RoleName!, p.PolicyName!), ct).ConfigureAwait(false)
                : await iam.GetUserPolicyAsync(new GetUserPolicyRequest(p.UserName!, p.PolicyName!), ct).ConfigureAwait(false);
            return response.PolicyDocument;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return null;
        }
    }

    private Task<AwsResult> PutAsync(IamClient iam, StepParameters p, string document, CancellationToken ct) => onRole
        ? iam.PutRolePolicyAsync(new PutRolePolicyRequest(p.RoleName!, p.PolicyName!, document), ct)
        : iam.PutUserPolicyAsync(new PutUserPolicyRequest(p.UserName!, p.PolicyName!, document), ct);
}
