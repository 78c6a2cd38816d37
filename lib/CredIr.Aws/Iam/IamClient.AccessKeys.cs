namespace CredIr.Aws;

/// <summary>Access keys.</summary>
public sealed partial class IamClient
{
    /// <summary>Lists a user's access keys (the caller's when no name is given).</summary>
    public IAsyncEnumerable<IamAccessKeyMetadata> ListAccessKeysAsync(ListAccessKeysRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListAccessKeys").Add("UserName", request.UserName), "AccessKeyMetadata", IamXml.AccessKeyMetadata, cancellationToken);

    /// <summary>Sets an access key Active or Inactive (containment deactivates rather than deletes: evidence).</summary>
    public Task<AwsResult> UpdateAccessKeyAsync(UpdateAccessKeyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(
            Query("UpdateAccessKey").Add("AccessKeyId", request.AccessKeyId).Add("Status", request.Status.ToString()).Add("UserName", request.UserName),
            cancellationToken);

    /// <summary>Deletes an access key.</summary>
    public Task<AwsResult> DeleteAccessKeyAsync(DeleteAccessKeyRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteAccessKey").Add("AccessKeyId", request.AccessKeyId).Add("UserName", request.UserName), cancellationToken);

    /// <summary>Creates an access key; the response holds the secret, which is never printed.</summary>
    public Task<CreateAccessKeyResponse> CreateAccessKeyAsync(CreateAccessKeyRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateAccessKey").Add("UserName", request.UserName), "AccessKey", static (e, id) => new CreateAccessKeyResponse(IamXml.AccessKey(e), id), cancellationToken);

    /// <summary>When, where and with which service an access key was last used.</summary>
    public async Task<GetAccessKeyLastUsedResponse> GetAccessKeyLastUsedAsync(GetAccessKeyLastUsedRequest request, CancellationToken cancellationToken = default)
    {
        var (result, requestId) = await SendAsync(Query("GetAccessKeyLastUsed").Add("AccessKeyId", request.AccessKeyId), cancellationToken).ConfigureAwait(false);
        var used = result.Child("AccessKeyLastUsed");
        var lastUsed = used is null
            ? new IamAccessKeyLastUsed(null, null, null)
            : new IamAccessKeyLastUsed(used.Time("LastUsedDate"), used.Str("ServiceName"), used.Str("Region"));
        return new GetAccessKeyLastUsedResponse(result.Str("UserName"), lastUsed, requestId);
    }
}
