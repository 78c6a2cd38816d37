namespace CredIr.Aws;

/// <summary>An account the responder can act in: its clients (credentials renew themselves) and how it was entered.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName">Its name in the organization, when known.</param>
/// <param name="Scope">Clients in the account (home region; use <see cref="AwsScope.WithRegion"/> for others).</param>
/// <param name="RoleArn">The role assumed, or null for the caller's own account.</param>
public sealed record AccountSession(string AccountId, string? AccountName, AwsScope Scope, string? RoleArn)
{
    /// <summary>True when the caller's own credentials are used (the management or delegated-admin account itself).</summary>
    public bool IsCallerAccount => RoleArn is null;
}
