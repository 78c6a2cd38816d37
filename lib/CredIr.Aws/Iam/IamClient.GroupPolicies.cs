namespace CredIr.Aws;

/// <summary>Managed policies attached to groups.</summary>
public sealed partial class IamClient
{
    /// <summary>Detaches a managed policy from a group.</summary>
    public Task<AwsResult> DetachGroupPolicyAsync(DetachGroupPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DetachGroupPolicy").Add("GroupName", request.GroupName).Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Lists the managed policies attached to a group.</summary>
    public IAsyncEnumerable<IamAttachedPolicy> ListAttachedGroupPoliciesAsync(ListAttachedGroupPoliciesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListAttachedGroupPolicies").Add("GroupName", request.GroupName), "AttachedPolicies", IamXml.AttachedPolicy, cancellationToken);
}
