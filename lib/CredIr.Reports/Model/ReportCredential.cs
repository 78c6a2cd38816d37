using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A credential in scope (a node of the derived-credential graph).</summary>
public sealed record ReportCredential(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("principalArn")] string PrincipalArn,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("userName")] string UserName,
    [property: JsonPropertyName("roleName")] string RoleName,
    [property: JsonPropertyName("sessionName")] string SessionName,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("depth")] int Depth,
    [property: JsonPropertyName("derivedFrom")] string? DerivedFrom,
    [property: JsonPropertyName("createdByEventId")] string CreatedByEventId,
    [property: JsonPropertyName("createdByEventName")] string CreatedByEventName,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("scanFrom")] DateTimeOffset? ScanFrom);
