using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>What leaked, since when, how it was found, where the response stands and the verdict.</summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("whatLeaked")] IReadOnlyList<string> WhatLeaked,
    [property: JsonPropertyName("compromisedAt")] DateTimeOffset? CompromisedAt,
    [property: JsonPropertyName("compromiseBasis")] string CompromiseBasis,
    [property: JsonPropertyName("compromiseExplanation")] string CompromiseExplanation,
    [property: JsonPropertyName("detectedAt")] DateTimeOffset? DetectedAt,
    [property: JsonPropertyName("detection")] ReportDetection Detection,
    [property: JsonPropertyName("endUserImpact")] string EndUserImpact,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("verdictText")] string VerdictText,
    [property: JsonPropertyName("actorEventCount")] int ActorEventCount,
    [property: JsonPropertyName("actorFailedEventCount")] int ActorFailedEventCount,
    [property: JsonPropertyName("derivedCredentialCount")] int DerivedCredentialCount,
    [property: JsonPropertyName("accounts")] IReadOnlyList<string> Accounts,
    [property: JsonPropertyName("regions")] IReadOnlyList<string> Regions,
    [property: JsonPropertyName("resourcesCreated")] int ResourcesCreated,
    [property: JsonPropertyName("resourcesModified")] int ResourcesModified,
    [property: JsonPropertyName("resourcesDeleted")] int ResourcesDeleted,
    [property: JsonPropertyName("scanComplete")] bool ScanComplete,
    [property: JsonPropertyName("gaps")] IReadOnlyList<ReportGap> Gaps)
{
    /// <summary>The containment measures applied: the default (keys Inactive, older sessions revoked) or stronger.</summary>
    [JsonPropertyName("containmentLevel")]
    public string ContainmentLevel { get; init; } = string.Empty;

    /// <summary>Why the stronger measures: asked for at opening, or a contained principal still used. Empty at the default.</summary>
    [JsonPropertyName("escalationReason")]
    public string EscalationReason { get; init; } = string.Empty;
}
