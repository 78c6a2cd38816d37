namespace CredIr.Aws;

/// <summary>Tags and permissions boundaries of users and roles.</summary>
public sealed partial class IamClient
{
    /// <summary>Adds tags to a user, overwriting the values of keys it has.</summary>
    public Task<AwsResult> TagUserAsync(TagUserRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(AddTags(Query("TagUser").Add("UserName", request.UserName), request.Tags), cancellationToken);

    /// <summary>Adds tags to a role, overwriting the values of keys it has.</summary>
    public Task<AwsResult> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(AddTags(Query("TagRole").Add("RoleName", request.RoleName), request.Tags), cancellationToken);

    /// <summary>Removes tags of a user.</summary>
    public Task<AwsResult> UntagUserAsync(UntagUserRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("UntagUser").Add("UserName", request.UserName).AddList("TagKeys.member", request.TagKeys), cancellationToken);

    /// <summary>Removes tags of a role.</summary>
    public Task<AwsResult> UntagRoleAsync(UntagRoleRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("UntagRole").Add("RoleName", request.RoleName).AddList("TagKeys.member", request.TagKeys), cancellationToken);

    /// <summary>Lists a user's tags.</summary>
    public IAsyncEnumerable<IamTag> ListUserTagsAsync(ListUserTagsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListUserTags").Add("UserName", request.UserName), "Tags", IamXml.Tag, cancellationToken);

    /// <summary>Lists a role's tags.</summary>
    public IAsyncEnumerable<IamTag> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListRoleTags").Add("RoleName", request.RoleName), "Tags", IamXml.Tag, cancellationToken);

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

    private static QueryRequest AddTags(QueryRequest query, IReadOnlyList<IamTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            query.Add($"Tags.member.{n}.Key", tags[i].Key).Add($"Tags.member.{n}.Value", tags[i].Value);
        }

        return query;
    }
}
