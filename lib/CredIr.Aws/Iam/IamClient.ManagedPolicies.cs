using System.Runtime.CompilerServices;

namespace CredIr.Aws;

/// <summary>Managed policies: attachments, versions, entities.</summary>
public sealed partial class IamClient
{
    /// <summary>Attaches a managed policy to a user.</summary>
    public Task<AwsResult> AttachUserPolicyAsync(AttachUserPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("AttachUserPolicy").Add("UserName", request.UserName).Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Detaches a managed policy from a user.</summary>
    public Task<AwsResult> DetachUserPolicyAsync(DetachUserPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DetachUserPolicy").Add("UserName", request.UserName).Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Lists the managed policies attached to a user.</summary>
    public IAsyncEnumerable<IamAttachedPolicy> ListAttachedUserPoliciesAsync(ListAttachedUserPoliciesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListAttachedUserPolicies").Add("UserName", request.UserName), "AttachedPolicies", IamXml.AttachedPolicy, cancellationToken);

    /// <summary>Attaches a managed policy to a role.</summary>
    public Task<AwsResult> AttachRolePolicyAsync(AttachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("AttachRolePolicy").Add("RoleName", request.RoleName).Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Detaches a managed policy from a role.</summary>
    public Task<AwsResult> DetachRolePolicyAsync(DetachRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DetachRolePolicy").Add("RoleName", request.RoleName).Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Lists the managed policies attached to a role.</summary>
    public IAsyncEnumerable<IamAttachedPolicy> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListAttachedRolePolicies").Add("RoleName", request.RoleName), "AttachedPolicies", IamXml.AttachedPolicy, cancellationToken);

    /// <summary>Creates a customer managed policy.</summary>
    public Task<PolicyResponse> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(
            Query("CreatePolicy").Add("PolicyName", request.PolicyName).Add("PolicyDocument", request.PolicyDocument).Add("Path", request.Path).Add("Description", request.Description),
            "Policy", static (e, id) => new PolicyResponse(IamXml.ManagedPolicy(e), id), cancellationToken);

    /// <summary>Gets a managed policy.</summary>
    public Task<PolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetPolicy").Add("PolicyArn", request.PolicyArn), "Policy", static (e, id) => new PolicyResponse(IamXml.ManagedPolicy(e), id), cancellationToken);

    /// <summary>Gets a version of a managed policy, its document URL-decoded.</summary>
    public Task<PolicyVersionResponse> GetPolicyVersionAsync(GetPolicyVersionRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetPolicyVersion").Add("PolicyArn", request.PolicyArn).Add("VersionId", request.VersionId), "PolicyVersion",
            static (e, id) => new PolicyVersionResponse(IamXml.PolicyVersion(e), id), cancellationToken);

    /// <summary>Lists the versions of a managed policy (documents are not included).</summary>
    public IAsyncEnumerable<IamPolicyVersion> ListPolicyVersionsAsync(ListPolicyVersionsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListPolicyVersions").Add("PolicyArn", request.PolicyArn), "Versions", IamXml.PolicyVersion, cancellationToken);

    /// <summary>Makes a version the default one.</summary>
    public Task<AwsResult> SetDefaultPolicyVersionAsync(SetDefaultPolicyVersionRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("SetDefaultPolicyVersion").Add("PolicyArn", request.PolicyArn).Add("VersionId", request.VersionId), cancellationToken);

    /// <summary>Creates a version of a managed policy.</summary>
    public Task<PolicyVersionResponse> CreatePolicyVersionAsync(CreatePolicyVersionRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(
            Query("CreatePolicyVersion").Add("PolicyArn", request.PolicyArn).Add("PolicyDocument", request.PolicyDocument).Add("SetAsDefault", request.SetAsDefault),
            "PolicyVersion", static (e, id) => new PolicyVersionResponse(IamXml.PolicyVersion(e), id), cancellationToken);

    /// <summary>Deletes a non-default version of a managed policy.</summary>
    public Task<AwsResult> DeletePolicyVersionAsync(DeletePolicyVersionRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeletePolicyVersion").Add("PolicyArn", request.PolicyArn).Add("VersionId", request.VersionId), cancellationToken);

    /// <summary>Deletes a managed policy.</summary>
    public Task<AwsResult> DeletePolicyAsync(DeletePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeletePolicy").Add("PolicyArn", request.PolicyArn), cancellationToken);

    /// <summary>Lists the users, groups and roles a managed policy is attached to.</summary>
    public async IAsyncEnumerable<IamPolicyEntity> ListEntitiesForPolicyAsync(
        ListEntitiesForPolicyRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var (result, _) = await SendAsync(Query("ListEntitiesForPolicy").Add("PolicyArn", request.PolicyArn).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
            foreach (var (list, kind) in new[] { ("PolicyUsers", IamEntityKind.User), ("PolicyGroups", IamEntityKind.Group), ("PolicyRoles", IamEntityKind.Role) })
            {
                foreach (var item in result.Items(list))
                {
                    yield return IamXml.Entity(kind, item);
                }
            }

            marker = result.Bool("IsTruncated") ? result.Str("Marker") : null;
        }
        while (marker is not null);
    }
}
