using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The actor's calls by category over time, and the response's milestones and entries.</summary>
public sealed record ReportTimeline(
    [property: JsonPropertyName("start")] DateTimeOffset? Start,
    [property: JsonPropertyName("end")] DateTimeOffset? End,
    [property: JsonPropertyName("lanes")] IReadOnlyList<ReportCategoryLane> Lanes,
    [property: JsonPropertyName("actorActions")] IReadOnlyList<ReportActorAction> ActorActions,
    [property: JsonPropertyName("milestones")] IReadOnlyList<ReportMilestone> Milestones,
    [property: JsonPropertyName("entries")] IReadOnlyList<ReportTimelineEntry> Entries);
