using CredIr.Contracts.V1;

namespace CredIr.Containment.Tests.Support;

/// <summary>Credentials as the identification phase hands them to containment.</summary>
internal static class Cred
{
    public static Credential Key(string accessKeyId, string? userName = null, string? accountId = null) => new()
    {
        AccessKeyId = accessKeyId,
        Kind = CredentialKind.AccessKey,
        UserName = userName ?? string.Empty,
        AccountId = accountId ?? string.Empty,
    };

    public static Credential User(string accountId, string userName) =>
        new() { Kind = CredentialKind.IamUser, PrincipalArn = $"arn:aws:iam::{accountId}:user/{userName}" };

    public static Credential RoleSession(string accessKeyId, string accountId, string roleName, string sessionName) => new()
    {
        AccessKeyId = accessKeyId,
        Kind = CredentialKind.RoleSession,
        PrincipalArn = $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}",
    };

    public static Credential Role(string accountId, string roleName) =>
        new() { Kind = CredentialKind.Role, PrincipalArn = $"arn:aws:iam::{accountId}:role/{roleName}" };
}
