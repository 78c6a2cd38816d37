namespace CredIr.Hosting.Approvals;

/// <summary>
/// Where the approval key lives when none is configured, and which tokens were already used. The coordinator's
/// incident store implements it in <c>credir serve</c> (durable, shared by every node of a cluster); a phase
/// service hosted alone keeps both in a SQLite file of its own (<see cref="SqliteApprovalStore"/>).
/// </summary>
public interface IApprovalStore
{
    /// <summary>The key stored under <paramref name="name"/>, or <paramref name="generated"/> stored now when there is none (the first writer wins).</summary>
    Task<byte[]> GetOrAddKeyAsync(string name, byte[] generated, CancellationToken cancellationToken);

    /// <summary>Records the token as used; false when it already was. Rows may be dropped once expired.</summary>
    Task<bool> TryUseTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
