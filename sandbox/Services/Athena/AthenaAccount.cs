namespace CredIr.Sandbox.Services.Athena;

/// <summary>One account's Athena: workgroups, the data catalog (databases and tables), query executions. Guarded by the engine's lock.</summary>
internal sealed class AthenaAccount
{
    public const string DefaultDatabase = "default";
    public const string PrimaryWorkGroup = "primary";

    public AthenaAccount(DateTimeOffset created)
    {
        WorkGroups[PrimaryWorkGroup] = new AthenaWorkGroup(PrimaryWorkGroup, null, null, created);
    }

    public Dictionary<string, AthenaWorkGroup> WorkGroups { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Databases { get; } = new(StringComparer.Ordinal) { DefaultDatabase };
    public Dictionary<(string Database, string Name), AthenaTable> Tables { get; } = [];
    public Dictionary<string, AthenaExecution> Executions { get; } = new(StringComparer.Ordinal);
    /// <summary>ClientRequestToken to execution id: a retried StartQueryExecution starts nothing new.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);
}
