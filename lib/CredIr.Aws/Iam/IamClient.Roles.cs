namespace CredIr.Aws;

/// <summary>Roles and instance profiles.</summary>
public sealed partial class IamClient
{
    /// <summary>Gets a role, its trust policy URL-decoded.</summary>
    public Task<GetRoleResponse> GetRoleAsync(GetRoleRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetRole").Add("RoleName", request.RoleName), "Role", static (e, id) => new GetRoleResponse(IamXml.Role(e), id), cancellationToken);

    /// <summary>Lists roles.</summary>
    public IAsyncEnumerable<IamRole> ListRolesAsync(ListRolesRequest? request = null, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListRoles").Add("PathPrefix", request?.PathPrefix).Add("MaxItems", request?.MaxItems), "Roles", IamXml.Role, cancellationToken);

    /// <summary>Creates a role.</summary>
    public Task<CreateRoleResponse> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(
            Query("CreateRole").Add("RoleName", request.RoleName).Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
                .Add("Path", request.Path).Add("Description", request.Description).Add("MaxSessionDuration", request.MaxSessionDuration),
            "Role", static (e, id) => new CreateRoleResponse(IamXml.Role(e), id), cancellationToken);

    /// <summary>Deletes a role.</summary>
    public Task<AwsResult> DeleteRoleAsync(DeleteRoleRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteRole").Add("RoleName", request.RoleName), cancellationToken);

    /// <summary>Replaces a role's trust policy.</summary>
    public Task<AwsResult> UpdateAssumeRolePolicyAsync(UpdateAssumeRolePolicyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("UpdateAssumeRolePolicy").Add("RoleName", request.RoleName).Add("PolicyDocument", request.PolicyDocument), cancellationToken);

    /// <summary>Lists the instance profiles carrying a role.</summary>
    public IAsyncEnumerable<IamInstanceProfile> ListInstanceProfilesForRoleAsync(ListInstanceProfilesForRoleRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListInstanceProfilesForRole").Add("RoleName", request.RoleName), "InstanceProfiles", IamXml.InstanceProfile, cancellationToken);

    /// <summary>Gets an instance profile.</summary>
    public Task<InstanceProfileResponse> GetInstanceProfileAsync(GetInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetInstanceProfile").Add("InstanceProfileName", request.InstanceProfileName), "InstanceProfile",
            static (e, id) => new InstanceProfileResponse(IamXml.InstanceProfile(e), id), cancellationToken);

    /// <summary>Creates an instance profile.</summary>
    public Task<InstanceProfileResponse> CreateInstanceProfileAsync(CreateInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateInstanceProfile").Add("InstanceProfileName", request.InstanceProfileName).Add("Path", request.Path), "InstanceProfile",
            static (e, id) => new InstanceProfileResponse(IamXml.InstanceProfile(e), id), cancellationToken);

    /// <summary>Adds a role to an instance profile.</summary>
    public Task<AwsResult> AddRoleToInstanceProfileAsync(AddRoleToInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("AddRoleToInstanceProfile").Add("InstanceProfileName", request.InstanceProfileName).Add("RoleName", request.RoleName), cancellationToken);

    /// <summary>Removes a role from an instance profile.</summary>
    public Task<AwsResult> RemoveRoleFromInstanceProfileAsync(RemoveRoleFromInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("RemoveRoleFromInstanceProfile").Add("InstanceProfileName", request.InstanceProfileName).Add("RoleName", request.RoleName), cancellationToken);

    /// <summary>Deletes an instance profile.</summary>
    public Task<AwsResult> DeleteInstanceProfileAsync(DeleteInstanceProfileRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteInstanceProfile").Add("InstanceProfileName", request.InstanceProfileName), cancellationToken);
}
