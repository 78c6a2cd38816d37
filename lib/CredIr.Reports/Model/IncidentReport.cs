using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The post-incident report (playbook Part 5); docs/report-schema.md documents every field.</summary>
public sealed record IncidentReport(
    [property: JsonPropertyName("schemaVersion")] string SchemaVersion,
    [property: JsonPropertyName("generatedAt")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("incident")] ReportIncident Incident,
    [property: JsonPropertyName("summary")] ReportSummary Summary,
    [property: JsonPropertyName("durations")] ReportDurations Durations,
    [property: JsonPropertyName("timeline")] ReportTimeline Timeline,
    [property: JsonPropertyName("indicators")] IReadOnlyList<ReportIndicator> Indicators,
    [property: JsonPropertyName("credentials")] IReadOnlyList<ReportCredential> Credentials,
    [property: JsonPropertyName("credentialGraph")] IReadOnlyList<ReportCredentialEdge> CredentialGraph,
    [property: JsonPropertyName("actions")] IReadOnlyList<ReportAction> Actions,
    [property: JsonPropertyName("approvals")] IReadOnlyList<ReportApproval> Approvals,
    [property: JsonPropertyName("recovery")] IReadOnlyList<ReportRecoveryItem> Recovery,
    [property: JsonPropertyName("affectedApplications")] IReadOnlyList<ReportApplication> AffectedApplications,
    [property: JsonPropertyName("stakeholders")] IReadOnlyList<ReportStakeholder> Stakeholders,
    [property: JsonPropertyName("communications")] IReadOnlyList<ReportCommunication> Communications,
    [property: JsonPropertyName("notifications")] IReadOnlyList<ReportNotification> Notifications,
    [property: JsonPropertyName("evidence")] ReportEvidence Evidence,
    [property: JsonPropertyName("lessonsLearned")] ReportLessons LessonsLearned,
    [property: JsonPropertyName("cmdbUpdates")] IReadOnlyList<ReportCmdbUpdate> CmdbUpdates,
    [property: JsonPropertyName("notes")] IReadOnlyList<ReportNote> Notes)
{
    /// <summary>The version of the JSON schema; a breaking change to the schema changes the major number.</summary>
    public const string CurrentSchemaVersion = "1.0";
}
