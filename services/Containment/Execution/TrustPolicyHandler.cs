using CredIr.Aws;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>iam:UpdateAssumeRolePolicy to a trust policy nobody can assume, recording the previous one.</summary>
internal sealed class TrustPolicyHandler : IStepHandler
{
    public string Action => StepActions.LockTrustPolicy;

    public async Task<StepOutcome> ApplyAsync(IamClient iam, StepParameters parameters, CancellationToken ct)
    {
        var current = await GetAsync(iam, parameters, ct).ConfigureAwait(false);
        var prior = new PriorState { Resource = "trust-policy", Document = current };
        if (PolicyDocuments.SameDocument(current, parameters.PolicyDocument))
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"Role {parameters.RoleName} already has the locked trust policy.", prior);
        }

        await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest(parameters.RoleName!, parameters.PolicyDocument!), ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.Succeeded, $"Role {parameters.RoleName} can no longer be assumed by anyone; its previous trust policy is recorded for rollback.", prior);
    }

    public async Task<StepOutcome> RestoreAsync(IamClient iam, StepParameters parameters, PriorState prior, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(prior.Document))
        {
            return new StepOutcome(StepStatus.Failed, $"No prior trust policy of role {parameters.RoleName} was recorded: restore it by hand.");
        }

        var current = await GetAsync(iam, parameters, ct).ConfigureAwait(false);
        if (PolicyDocuments.SameDocument(current, prior.Document))
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"Role {parameters.RoleName} already has its prior trust policy.");
        }

        await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest(parameters.RoleName!, prior.Document), ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.RolledBack, $"Role {parameters.RoleName} has its prior trust policy again.");
    }

    private static async Task<string?> GetAsync(IamClient iam, StepParameters p, CancellationToken ct) =>
        (await iam.GetRoleAsync(new GetRoleRequest(p.RoleName!), ct).ConfigureAwait(false)).Role.AssumeRolePolicyDocument;
}
