using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Recovery.Cloud;
using CredIr.Recovery.Planning;

namespace CredIr.Recovery.Execution;

/// <summary>
/// Runs one step against the cloud. Every step reads the current state first and answers ALREADY_DONE when it
/// already matches, so replaying a step after a crash, or the whole request twice, changes nothing more.
/// </summary>
internal sealed partial class StepRunner(IAccountClients clients)
{
    public async Task<StepOutcome> RunAsync(PlanStep step, CancellationToken cancellationToken)
    {
        if (step.Action == RecoveryActions.Manual)
        {
            return new StepOutcome(StepStatus.Manual, "A person follows the steps in parameters_json.instructions.");
        }

        var p = new StepParameters(step);
        var target = step.Target ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{step.StepId}].target is required"));
        if (string.IsNullOrEmpty(target.AccountId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{step.StepId}].target.account_id is required"));
        }

        var scope = await clients.ForAccountAsync(target.AccountId, string.IsNullOrEmpty(target.Region) ? null : target.Region, cancellationToken).ConfigureAwait(false);
        return step.Action switch
        {
            RecoveryActions.SetDefaultPolicyVersion => await SetDefaultVersionAsync(scope.Iam, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.UpdateAssumeRolePolicy => await UpdateTrustAsync(scope.Iam, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.PutUserPolicy or RecoveryActions.PutRolePolicy => await PutInlineAsync(scope.Iam, step.Action == RecoveryActions.PutRolePolicy, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.CreateUser => await CreateUserAsync(scope.Iam, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.CreateRole => await CreateRoleAsync(scope.Iam, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.AttachUserPolicy or RecoveryActions.AttachRolePolicy => await AttachAsync(scope.Iam, step.Action == RecoveryActions.AttachRolePolicy, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.AddUserToGroup => await AddToGroupAsync(scope.Iam, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.RemoveDeleteMarker => await RemoveDeleteMarkerAsync(scope.S3, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.CopyObjectVersion => await CopyVersionAsync(scope.S3, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.CreateBucket => await CreateBucketAsync(scope.S3, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.PutBucketVersioning => await VersioningAsync(scope.S3, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.TerminateInstance => await TerminateAsync(scope.Ec2, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.TagUser or RecoveryActions.TagRole => await TagAsync(scope.Iam, step.Action == RecoveryActions.TagRole, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.PutUserPermissionsBoundary or RecoveryActions.PutRolePermissionsBoundary =>
                await BoundaryAsync(scope.Iam, step.Action == RecoveryActions.PutRolePermissionsBoundary, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.CreateIsolationGroup => await CreateIsolationGroupAsync(scope.Ec2, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.IsolateInstance => await IsolateAsync(scope.Ec2, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.ProtectInstance => await ProtectAsync(scope.Ec2, p, cancellationToken).ConfigureAwait(false),
            RecoveryActions.SnapshotVolumes => await SnapshotAsync(scope.Ec2, p, cancellationToken).ConfigureAwait(false),
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{step.StepId}].action '{step.Action}' is not a recovery action")),
        };
    }

}
