namespace CredIr.Aws;

/// <summary>Permissions boundaries of users and roles, and removing tags.</summary>
public sealed partial class IamClient
{
    /// <summary>Removes tags of a user.</summary>
    public Task<AwsResult> UntagUserAsync(UntagUserRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("UntagUser").Add("UserName", request.UserName).AddList("TagKeys.member", request.TagKeys), cancellationToken);

    /// <summary>Removes tags of a role.</summary>
    public Task<AwsResult> UntagRoleAsync(UntagRoleRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("UntagRole").Add("RoleName", request.RoleName).AddList("TagKeys.member", request.TagKeys), cancellationToken);

    /// <summary>Sets a user's permissions boundary.</summary>
    public Task<AwsResult> PutUserPermissionsBoundaryAsync(PutUserPermissionsBoundaryRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("PutUserPermissionsBoundary").Add("UserName", request.UserName).Add("PermissionsBoundary", request.PermissionsBoundary), cancellationToken);

    /// <summary>Sets a role's permissions boundary.</summary>
    public Task<AwsResult> PutRolePermissionsBoundaryAsync(PutRolePermissionsBoundaryRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("PutRolePermissionsBoundary").Add("RoleName", request.RoleName).Add("PermissionsBoundary", request.PermissionsBoundary), cancellationToken);

    /// <summary>Removes a user's permissions boundary.</summary>
    public Task<AwsResult> DeleteUserPermissionsBoundaryAsync(DeleteUserPermissionsBoundaryRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteUserPermissionsBoundary").Add("UserName", request.UserName), cancellationToken);

    /// <summary>Removes a role's permissions boundary.</summary>
    public Task<AwsResult> DeleteRolePermissionsBoundaryAsync(DeleteRolePermissionsBoundaryRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteRolePermissionsBoundary").Add("RoleName", request.RoleName), cancellationToken);
}
