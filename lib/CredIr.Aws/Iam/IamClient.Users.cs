namespace CredIr.Aws;

/// <summary>Users, login profiles, MFA devices and groups.</summary>
public sealed partial class IamClient
{
    /// <summary>Gets a user (the caller when no name is given).</summary>
    public Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetUser").Add("UserName", request.UserName), "User", static (e, id) => new GetUserResponse(IamXml.User(e), id), cancellationToken);

    /// <summary>Lists users.</summary>
    public IAsyncEnumerable<IamUser> ListUsersAsync(ListUsersRequest? request = null, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListUsers").Add("PathPrefix", request?.PathPrefix).Add("MaxItems", request?.MaxItems), "Users", IamXml.User, cancellationToken);

    /// <summary>Creates a user.</summary>
    public Task<CreateUserResponse> CreateUserAsync(CreateUserRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateUser").Add("UserName", request.UserName).Add("Path", request.Path), "User", static (e, id) => new CreateUserResponse(IamXml.User(e), id), cancellationToken);

    /// <summary>Deletes a user.</summary>
    public Task<AwsResult> DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteUser").Add("UserName", request.UserName), cancellationToken);

    /// <summary>Gets a user's console login profile (NoSuchEntity when the user has no password).</summary>
    public Task<GetLoginProfileResponse> GetLoginProfileAsync(GetLoginProfileRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("GetLoginProfile").Add("UserName", request.UserName), "LoginProfile", static (e, id) => new GetLoginProfileResponse(IamXml.LoginProfile(e), id), cancellationToken);

    /// <summary>Removes a user's console password.</summary>
    public Task<AwsResult> DeleteLoginProfileAsync(DeleteLoginProfileRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeleteLoginProfile").Add("UserName", request.UserName), cancellationToken);

    /// <summary>Gives a user a console password (a rollback cannot restore the old one: AWS never returns it).</summary>
    public Task<CreateLoginProfileResponse> CreateLoginProfileAsync(CreateLoginProfileRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(
            Query("CreateLoginProfile").Add("UserName", request.UserName).Add("Password", request.Password).Add("PasswordResetRequired", request.PasswordResetRequired),
            "LoginProfile", static (e, id) => new CreateLoginProfileResponse(IamXml.LoginProfile(e), id), cancellationToken);

    /// <summary>Lists a user's MFA devices.</summary>
    public IAsyncEnumerable<IamMfaDevice> ListMfaDevicesAsync(ListMfaDevicesRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListMFADevices").Add("UserName", request.UserName), "MFADevices", IamXml.MfaDevice, cancellationToken);

    /// <summary>Deactivates a user's MFA device.</summary>
    public Task<AwsResult> DeactivateMfaDeviceAsync(DeactivateMfaDeviceRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("DeactivateMFADevice").Add("UserName", request.UserName).Add("SerialNumber", request.SerialNumber), cancellationToken);

    /// <summary>Lists the groups a user is in.</summary>
    public IAsyncEnumerable<IamGroup> ListGroupsForUserAsync(ListGroupsForUserRequest request, CancellationToken cancellationToken = default) =>
        PageAsync(() => Query("ListGroupsForUser").Add("UserName", request.UserName), "Groups", IamXml.Group, cancellationToken);

    /// <summary>Creates a group.</summary>
    public Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken cancellationToken = default) =>
        SendOneAsync(Query("CreateGroup").Add("GroupName", request.GroupName).Add("Path", request.Path), "Group", static (e, id) => new CreateGroupResponse(IamXml.Group(e), id), cancellationToken);

    /// <summary>Adds a user to a group.</summary>
    public Task<AwsResult> AddUserToGroupAsync(AddUserToGroupRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("AddUserToGroup").Add("GroupName", request.GroupName).Add("UserName", request.UserName), cancellationToken);

    /// <summary>Removes a user from a group.</summary>
    public Task<AwsResult> RemoveUserFromGroupAsync(RemoveUserFromGroupRequest request, CancellationToken cancellationToken = default) =>
        SendEmptyAsync(Query("RemoveUserFromGroup").Add("GroupName", request.GroupName).Add("UserName", request.UserName), cancellationToken);
}
