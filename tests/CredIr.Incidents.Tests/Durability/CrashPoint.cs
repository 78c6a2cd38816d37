namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// Where a coordinator life is killed: at the <see cref="Occurrence"/>th write of a kind since it
/// started, counting only writes whose description holds <see cref="Matching"/> when set.
/// </summary>
internal sealed record CrashPoint(string At, int Occurrence, string? Matching = null)
{
    public string Line => $"credir crash point: killing the coordinator {At} #{Occurrence}";

    public override string ToString() => $"{At} #{Occurrence}{(Matching is null ? string.Empty : " of " + Matching)}";
}
