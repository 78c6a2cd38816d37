using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A resource the actor modified or deleted, and how it is brought back.</summary>
public sealed record ReportRecoveryItem(
    [property: JsonPropertyName("itemId")] string ItemId,
    [property: JsonPropertyName("resource")] ReportResource? Resource,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("strategy")] string Strategy,
    [property: JsonPropertyName("strategyOverridden")] bool StrategyOverridden,
    [property: JsonPropertyName("rationale")] string Rationale,
    [property: JsonPropertyName("backupReference")] string BackupReference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("eventIds")] IReadOnlyList<string> EventIds,
    [property: JsonPropertyName("stepIds")] IReadOnlyList<string> StepIds);
