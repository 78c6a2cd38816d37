namespace CredIr.Aws;

/// <summary>A user's credential for one service (CodeCommit, Keyspaces); its password is never kept.</summary>
public sealed record IamServiceSpecificCredential(string UserName, string ServiceSpecificCredentialId, string ServiceName, string? ServiceUserName, string Status, DateTimeOffset? CreateDate);
