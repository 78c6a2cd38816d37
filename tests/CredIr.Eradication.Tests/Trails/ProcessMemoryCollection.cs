namespace CredIr.Eradication.Tests.Trails;

/// <summary>
/// Tests that measure the process's live heap: they run alone, after the parallel ones, since another
/// test class allocating at the same moment (a sandbox trail, DuckDB's Athena) is counted in the same heap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "process memory";
}
