using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>How the incident was found, from the input it was opened with (never the raw finding).</summary>
internal static class DetectionDescriber
{
    public static ReportDetection Describe(Incident incident)
    {
        var input = incident.Input;
        var ticket = incident.TicketReference;
        return input?.InputCase switch
        {
            IdentificationInput.InputOneofCase.AccessKeyId => new ReportDetection(
                "access-key-id", input.AccessKeyId, $"Access key id {input.AccessKeyId} reported as leaked", ticket),
            IdentificationInput.InputOneofCase.PrincipalArn => new ReportDetection(
                "principal-arn", input.PrincipalArn, $"Principal {input.PrincipalArn} reported as compromised", ticket),
            IdentificationInput.InputOneofCase.FindingJson => FromFinding(input.FindingJson, ticket),
            _ => new ReportDetection("unspecified", "", "Not recorded", ticket),
        };
    }

    private static ReportDetection FromFinding(string json, string ticket)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object)
            {
                root = detail;
            }

            // Security Hub's EventBridge events carry the ASFF findings in a list.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("findings", out var findings)
                && findings.ValueKind == JsonValueKind.Array && findings.GetArrayLength() > 0)
            {
                root = findings[0];
            }

            if (Text(root, "eventTypeCode") is { } health)
            {
                return new ReportDetection("health-event", health, $"AWS Health event {health}", ticket);
            }

            if (Text(root, "type") is { } gdType)
            {
                var id = Text(root, "id") ?? "";
                return new ReportDetection("guardduty-finding", id, $"GuardDuty finding {gdType} ({id})", ticket);
            }

            if (Text(root, "ProductArn") is not null || root.TryGetProperty("Types", out _))
            {
                var id = Text(root, "Id") ?? "";
                var title = Text(root, "Title") ?? "";
                return new ReportDetection("security-hub-finding", id, $"Security Hub finding {title} ({id})", ticket);
            }

            if (Text(root, "eventName") is { } eventName)
            {
                return new ReportDetection("cloudtrail-event", eventName, $"CloudTrail event {eventName}", ticket);
            }
        }
        catch (JsonException)
        {
            return new ReportDetection("finding", "", "A finding that is not valid JSON", ticket);
        }

        return new ReportDetection("finding", "", "A finding of an unrecognised shape", ticket);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
