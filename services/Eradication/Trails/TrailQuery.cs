namespace CredIr.Eradication.Trails;

/// <summary>Accounts x regions x time window x filter. Empty account or region lists mean all.</summary>
public sealed record TrailQuery
{
    public IReadOnlyList<string> Accounts { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public required DateTimeOffset Since { get; init; }
    public required DateTimeOffset Until { get; init; }
    public TrailFilter Filter { get; init; } = TrailFilter.All;
    /// <summary>Checkpoints of an earlier, interrupted run of the same query: finished units are not read again.</summary>
    public IReadOnlyList<TrailCheckpoint> ResumeFrom { get; init; } = [];

    public bool InScope(string? account, string? region, DateTimeOffset time) =>
        time >= Since && time <= Until
        && (Accounts.Count == 0 || (account is not null && Accounts.Contains(account)))
        && (Regions.Count == 0 || (region is not null && Regions.Contains(region)));
}
