namespace CredIr.Sandbox.Services.Athena;

/// <summary>One query execution; its fields change under <see cref="Gate"/> as it runs in the background.</summary>
internal sealed class AthenaExecution(string id, string accountId, string query, string? database, string workGroup, string outputLocation, DateTimeOffset submitted)
{
    public Lock Gate { get; } = new();
    public string Id { get; } = id;
    public string AccountId { get; } = accountId;
    public string Query { get; } = query;
    public string? Database { get; } = database;
    public string WorkGroup { get; } = workGroup;
    /// <summary>Where the CSV goes: the output location and the execution id.</summary>
    public string OutputLocation { get; } = outputLocation;
    public DateTimeOffset Submitted { get; } = submitted;
    public CancellationTokenSource Cancel { get; } = new();
    public string StatementType { get; set; } = "DML";
    public string State { get; set; } = "QUEUED";
    public string? Reason { get; set; }
    public DateTimeOffset? Completed { get; set; }
    public long BytesScanned { get; set; }
    public long EngineMillis { get; set; }
    public IReadOnlyList<AthenaColumn> Columns { get; set; } = [];
    public IReadOnlyList<string?[]> Rows { get; set; } = [];

    public bool Finished => State is "SUCCEEDED" or "FAILED" or "CANCELLED";
}

/// <summary>A result column as GetQueryResults describes it (Athena's type names).</summary>
internal sealed record AthenaColumn(string Name, string Type);
