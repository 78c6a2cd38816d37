namespace CredIr.Playbook.Extraction;

/// <summary>What kind of credential or credential-bearing principal a record created or revealed.</summary>
public enum CredentialKind
{
    AccessKey,
    RoleSession,
    SessionToken,
    FederationToken,
    LoginProfile,
    IamUser,
    Role,
}
