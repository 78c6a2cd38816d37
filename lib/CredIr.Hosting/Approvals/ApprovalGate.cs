using System.Security.Cryptography;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// The acting service's side, checked before anything touches the cloud: the content is the service's own
/// (its seal), and the token is the coordinator's (its signature, checked with the coordinator's public key) for this incident, method and exact content,
/// unexpired and unused. Forged or altered: PERMISSION_DENIED; expired or used: FAILED_PRECONDITION.
/// </summary>
public sealed class ApprovalGate(ApprovalKeys keys, PlanSeals seals, IApprovalStore store, TimeProvider time)
{
    /// <summary>Checks a plan to execute or roll back; <paramref name="planField"/> names the request field.</summary>
    public async Task RequireAsync(string service, string method, string incidentId, ApprovalToken? approval, Plan? plan, string planField, CancellationToken cancellationToken)
    {
        if (plan is null || plan.Steps.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{planField}: a plan with at least one step is required."));
        }

        if (!await seals.IsSealedAsync(service, plan, cancellationToken).ConfigureAwait(false))
        {
            throw Denied($"{planField}: plan {plan.PlanId} was not made by this {service} service, or was changed since: execute only plans it made, unchanged.");
        }

        await RequireTokenAsync(method, incidentId, approval, plan.PlanId, PlanContent.Digest(plan), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks recovery items to execute.</summary>
    public async Task RequireAsync(string service, string method, string incidentId, ApprovalToken? approval, IReadOnlyList<RecoveryItem> items, CancellationToken cancellationToken)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!await seals.IsSealedAsync(service, items[i], cancellationToken).ConfigureAwait(false))
            {
                throw Denied($"items[{i}]: item {items[i].ItemId} was not made by this {service} service, or was changed since: execute only items it planned, unchanged.");
            }
        }

        await RequireTokenAsync(method, incidentId, approval, null, PlanContent.Digest(items), cancellationToken).ConfigureAwait(false);
    }

    private async Task RequireTokenAsync(string method, string incidentId, ApprovalToken? approval, string? planId, byte[] digest, CancellationToken cancellationToken)
    {
        if (approval is null || string.IsNullOrEmpty(approval.ApprovalId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"{Subject(planId)} is not approved: the request carries no approval token."));
        }

        if (!await keys.VerifyAsync(ApprovalIssuer.SignedBytes(approval), approval.Signature.Memory, cancellationToken).ConfigureAwait(false))
        {
            throw Denied($"approval {approval.ApprovalId} was not issued by the incident coordinator this service trusts.");
        }

        if (!string.Equals(approval.IncidentId, incidentId, StringComparison.Ordinal))
        {
            throw Denied($"approval {approval.ApprovalId} is for incident {approval.IncidentId}, not {incidentId}.");
        }

        if (!string.Equals(approval.Method, method, StringComparison.Ordinal))
        {
            throw Denied($"approval {approval.ApprovalId} is for {approval.Method}, not {method}.");
        }

        if ((planId is not null && !string.Equals(approval.PlanId, planId, StringComparison.Ordinal))
            || approval.ContentDigest.Length != digest.Length || !CryptographicOperations.FixedTimeEquals(approval.ContentDigest.Span, digest))
        {
            throw Denied($"approval {approval.ApprovalId} is for plan {approval.PlanId} as approved: {Subject(planId)} differs from it.");
        }

        var expiresAt = approval.ExpiresAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        if (expiresAt <= time.GetUtcNow())
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"approval token {approval.TokenId} of approval {approval.ApprovalId} expired at {expiresAt:O}: advance the incident for a fresh one."));
        }

        if (!await store.TryUseTokenAsync(approval.TokenId, expiresAt, cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"approval token {approval.TokenId} of approval {approval.ApprovalId} was already used: a token executes once; advance the incident for a fresh one."));
        }
    }

    private static string Subject(string? planId) => planId is null ? "the items" : $"plan {planId}";

    private static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));
}
