namespace CredIr.Aws;

/// <summary>Tags on users and roles.</summary>
public sealed partial class IamClient
{
    /// <summary>Lists a user's tags.</summary>
    public IAsyncEnumerable<IamTag> ListUserTagsAsync(ListUserTagsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListUserTags").Add("UserName", request.UserName), "Tags", IamXml.Tag, cancellationToken);

    /// <summary>Lists a role's tags.</summary>
    public IAsyncEnumerable<IamTag> ListRoleTagsAsync(ListRoleTagsRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListRoleTags").Add("RoleName", request.RoleName), "Tags", IamXml.Tag, cancellationToken);

    /// <summary>Adds or replaces tags on a user.</summary>
    public Task<AwsResult> TagUserAsync(TagUserRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(WithTags(Query("TagUser").Add("UserName", request.UserName), request.Tags), cancellationToken);

    /// <summary>Adds or replaces tags on a role.</summary>
    public Task<AwsResult> TagRoleAsync(TagRoleRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(WithTags(Query("TagRole").Add("RoleName", request.RoleName), request.Tags), cancellationToken);

    private static QueryRequest WithTags(QueryRequest query, IReadOnlyList<IamTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var prefix = "Tags.member." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            query.Add(prefix + ".Key", tags[i].Key).Add(prefix + ".Value", tags[i].Value);
        }

        return query;
    }
}
