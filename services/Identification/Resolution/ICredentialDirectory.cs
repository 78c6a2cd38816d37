using CredIr.Identification.CompromiseTime;

namespace CredIr.Identification.Resolution;

/// <summary>
/// What identification asks of AWS, in any account of the scope. Implemented over CredIr.Aws
/// (<see cref="AwsCredentialDirectory"/>); each call reaches the account through the response role when it is not
/// the caller's own.
/// </summary>
public interface ICredentialDirectory
{
    /// <summary>
    /// Where CloudTrail records IAM and STS (global endpoint) events in the responder's partition:
    /// us-east-1, us-gov-west-1 or cn-north-1.
    /// </summary>
    string GlobalEventsRegion { get; }

    /// <summary>sts:GetAccessKeyInfo: the account an access key belongs to, whoever holds it.</summary>
    Task<string> GetAccessKeyAccountAsync(string accessKeyId, CancellationToken cancellationToken);

    /// <summary>The IAM user holding a long-term key: the hinted user first, else every user's keys (ListUsers, ListAccessKeys).</summary>
    Task<string?> FindKeyOwnerAsync(string accountId, string accessKeyId, string? userNameHint, CancellationToken cancellationToken);

    /// <summary>The ARN of the user (AIDA...) or role (AROA...) with this unique id, or null.</summary>
    Task<string?> FindPrincipalByIdAsync(string accountId, string principalId, CancellationToken cancellationToken);

    /// <summary>A user with its keys (and their last use), login profile and MFA devices; null when there is no such user.</summary>
    Task<UserSnapshot?> DescribeUserAsync(string accountId, string userName, CancellationToken cancellationToken);

    /// <summary>A role; null when there is no such role.</summary>
    Task<RoleSnapshot?> DescribeRoleAsync(string accountId, string roleName, CancellationToken cancellationToken);

    /// <summary>The regions enabled in an account (ec2:DescribeRegions), for a scope of every region.</summary>
    Task<IReadOnlyList<string>> ListRegionsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>cloudtrail:LookupEvents by the key that signed the calls, newest first.</summary>
    IAsyncEnumerable<TrailRecord> LookupByAccessKeyAsync(string accountId, string region, string accessKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>cloudtrail:LookupEvents by event name, newest first.</summary>
    IAsyncEnumerable<TrailRecord> LookupByEventNameAsync(string accountId, string region, string eventName, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
