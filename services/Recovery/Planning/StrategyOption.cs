using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>One way to recover an item that the lookups showed is possible, with the steps it takes.</summary>
internal sealed record StrategyOption(RecoveryStrategy Strategy, string Rationale, string? BackupReference, IReadOnlyList<PlanStep> Steps);
