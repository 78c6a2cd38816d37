namespace CredIr.Cli.Scan;

/// <summary>First and last use and the number of attributed events of one credential.</summary>
internal sealed class CredentialUsage
{
    public DateTimeOffset? FirstUsed { get; private set; }

    public DateTimeOffset? LastUsed { get; private set; }

    public long Events { get; private set; }

    public void Add(DateTimeOffset at)
    {
        Events++;
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
