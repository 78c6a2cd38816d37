namespace CredIr.Sandbox.Model;

/// <summary>
/// The whole organization in memory. One lock guards it: calls are short and the sandbox serves
/// tests and demos, so simplicity beats lock granularity here (CloudTrail has its own store).
/// </summary>
internal sealed class SandboxState(SandboxClock clock, IdGenerator ids, IReadOnlyList<string> regions, SandboxPartition partition)
{
    public SandboxPartition Partition { get; } = partition;
    public Lock Gate { get; } = new();
    public SandboxClock Clock { get; } = clock;
    public IdGenerator Ids { get; } = ids;
    public IReadOnlyList<string> Regions { get; } = regions;
    public List<Account> Accounts { get; } = [];
    public Dictionary<string, ManagedPolicy> AwsManagedPolicies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StsSession> Sessions { get; } = new(StringComparer.Ordinal);
    /// <summary>Every long-term key ever issued (deleted ones stay, marked), by id.</summary>
    public Dictionary<string, (Account Account, AccessKey Key)> Keys { get; } = new(StringComparer.Ordinal);
    public string OrganizationId { get; set; } = "o-sandbox0001";
    /// <summary>How long a key set Inactive keeps working (IAM's eventual consistency); zero applies the change at once.</summary>
    public TimeSpan IamPropagationDelay { get; set; }
    /// <summary>When set, ListAccounts returns an empty page with a NextToken before each real page, as AWS may.</summary>
    public bool EmptyPages { get; set; }

    public Account Management => Accounts[0];

    public Account? FindAccount(string id) => Accounts.Find(a => a.Id == id);

    /// <summary>Finds who holds an access key id: a user's key or a session. Caller holds Gate.</summary>
    public (Account Account, AccessKey? Key, StsSession? Session)? FindCredential(string accessKeyId)
    {
        if (Sessions.TryGetValue(accessKeyId, out var session))
        {
            var owner = FindAccount(session.AccountId);
            return owner is null ? null : (owner, null, session);
        }

        if (Keys.TryGetValue(accessKeyId, out var held) && !held.Key.Deleted)
        {
            return (held.Account, held.Key, null);
        }

        return null;
    }

    public ManagedPolicy? FindPolicy(Account account, string arn) =>
        AwsManagedPolicies.TryGetValue(arn, out var aws) ? aws : account.Policies.GetValueOrDefault(arn);
}
