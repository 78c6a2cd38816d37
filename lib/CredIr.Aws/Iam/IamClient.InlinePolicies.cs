namespace CredIr.Aws;

/// <summary>Inline policies of users and roles.</summary>
public sealed partial class IamClient
{
    /// <summary>Adds or replaces an inline policy of a user (containment's explicit deny).</summary>
    public Task<AwsResult> PutUserPolicyAsync(PutUserPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("PutUserPolicy").Add("UserName", request.UserName).Add("PolicyName", request.PolicyName).Add("PolicyDocument", request.PolicyDocument), cancellationToken);

    /// <summary>Gets an inline policy of a user, its document URL-decoded.</summary>
    public async Task<InlinePolicyResponse> GetUserPolicyAsync(GetUserPolicyRequest request, CancellationToken cancellationToken = default)
    {
        var (result, requestId) = await SendAsync(Query("GetUserPolicy").Add("UserName", request.UserName).Add("PolicyName", request.PolicyName), cancellationToken).ConfigureAwait(false);
        return new InlinePolicyResponse(result.Required("UserName"), result.Required("PolicyName"), result.PolicyDocument("PolicyDocument") ?? string.Empty, requestId);
    }

    /// <summary>Deletes an inline policy of a user.</summary>
    public Task<AwsResult> DeleteUserPolicyAsync(DeleteUserPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteUserPolicy").Add("UserName", request.UserName).Add("PolicyName", request.PolicyName), cancellationToken);

    /// <summary>Lists the names of a user's inline policies.</summary>
    public IAsyncEnumerable<string> ListUserPoliciesAsync(ListUserPoliciesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListUserPolicies").Add("UserName", request.UserName), "PolicyNames", static e => e.Value, cancellationToken);

    /// <summary>Adds or replaces an inline policy of a role (AWSRevokeOlderSessions, deny-all).</summary>
    public Task<AwsResult> PutRolePolicyAsync(PutRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("PutRolePolicy").Add("RoleName", request.RoleName).Add("PolicyName", request.PolicyName).Add("PolicyDocument", request.PolicyDocument), cancellationToken);

    /// <summary>Gets an inline policy of a role, its document URL-decoded.</summary>
    public async Task<InlinePolicyResponse> GetRolePolicyAsync(GetRolePolicyRequest request, CancellationToken cancellationToken = default)
    {
        var (result, requestId) = await SendAsync(Query("GetRolePolicy").Add("RoleName", request.RoleName).Add("PolicyName", request.PolicyName), cancellationToken).ConfigureAwait(false);
        return new InlinePolicyResponse(result.Required("RoleName"), result.Required("PolicyName"), result.PolicyDocument("PolicyDocument") ?? string.Empty, requestId);
    }

    /// <summary>Deletes an inline policy of a role.</summary>
    public Task<AwsResult> DeleteRolePolicyAsync(DeleteRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteRolePolicy").Add("RoleName", request.RoleName).Add("PolicyName", request.PolicyName), cancellationToken);

    /// <summary>Lists the names of a role's inline policies.</summary>
    public IAsyncEnumerable<string> ListRolePoliciesAsync(ListRolePoliciesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListRolePolicies").Add("RoleName", request.RoleName), "PolicyNames", static e => e.Value, cancellationToken);
}
