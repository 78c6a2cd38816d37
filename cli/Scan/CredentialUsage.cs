namespace CredIr.Cli.Scan;

/// <summary>First and last use and the number of attributed events of one credential.</summary>
internal sealed class CredentialUsage
{
    public DateTimeOffset? FirstUsed { get; private set; }

    public DateTimeOffset? LastUsed { get; private set; }

    public long Events { get; private set; }

    /// <summary>The principal the first attributed event names: for a starting key, its owner.</summary>
    public string? PrincipalArn { get; private set; }

    public void Add(DateTimeOffset at, string principalArn)
    {
        Events++;
        if (PrincipalArn is null && principalArn.Length > 0)
        {
            PrincipalArn = principalArn;
        }

        if (FirstUsed is null || at < FirstUsed)
        {
            FirstUsed = at;
        }

        if (LastUsed is null || at > LastUsed)
        {
            LastUsed = at;
        }
    }
}
