using CredIr.Aws;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Execution;

/// <summary>iam:DeleteLoginProfile. AWS never returns a password, so the restore is a task for a person.</summary>
internal sealed class LoginProfileHandler : IStepHandler
{
    public string Action => StepActions.DeleteLoginProfile;

    public async Task<StepOutcome> ApplyAsync(IamClient iam, StepParameters parameters, CancellationToken ct)
    {
        IamLoginProfile profile;
        try
        {
            profile = (await iam.GetLoginProfileAsync(new GetLoginProfileRequest(parameters.UserName!), ct).ConfigureAwait(false)).LoginProfile;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return new StepOutcome(StepStatus.AlreadyDone, $"User {parameters.UserName} has no console password.", new PriorState { Resource = "login-profile", Exists = false });
        }

        var prior = new PriorState { Resource = "login-profile", Exists = true, CreateDate = profile.CreateDate, PasswordResetRequired = profile.PasswordResetRequired };
        await iam.DeleteLoginProfileAsync(new DeleteLoginProfileRequest(parameters.UserName!), ct).ConfigureAwait(false);
        return new StepOutcome(StepStatus.Succeeded, $"The console password of user {parameters.UserName} (created {profile.CreateDate:O}) is deleted.", prior);
    }

    public Task<StepOutcome> RestoreAsync(IamClient iam, StepParameters parameters, PriorState prior, CancellationToken ct) =>
        Task.FromResult(prior.Exists == true
            ? new StepOutcome(StepStatus.Manual,
                $"The console password of user {parameters.UserName} cannot be restored: AWS never returns a password. An administrator gives the user a new one "
                + $"(iam:CreateLoginProfile --user-name {parameters.UserName} --password-reset-required) and tells them through a trusted channel.")
            : new StepOutcome(StepStatus.AlreadyDone, $"User {parameters.UserName} had no console password: nothing to restore."));
}
