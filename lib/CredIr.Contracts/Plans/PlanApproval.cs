using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Contracts.Plans;

/// <summary>
/// A phase service's part of approval, the same for every plan it executes: a token must be present and name
/// the plan. Whether the approval itself is genuine (who approved, the two-person rule) is the coordinator's to check.
/// </summary>
public static class PlanApproval
{
    /// <summary>Throws INVALID_ARGUMENT for a missing or empty plan, FAILED_PRECONDITION when no token names it.</summary>
    /// <param name="approval">The request's approval token.</param>
    /// <param name="plan">The plan the request executes.</param>
    /// <param name="planField">The request field holding the plan, for the message.</param>
    public static void Require(ApprovalToken? approval, Plan? plan, string planField)
    {
        if (plan is null || plan.Steps.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{planField}: a plan with at least one step is required."));
        }

        if (approval is null || string.IsNullOrEmpty(approval.ApprovalId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"plan {plan.PlanId} is not approved: the request carries no approval token."));
        }

        if (!string.Equals(approval.PlanId, plan.PlanId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"plan {plan.PlanId} is not approved: approval {approval.ApprovalId} is for plan {(string.IsNullOrEmpty(approval.PlanId) ? "(none)" : approval.PlanId)}."));
        }
    }
}
