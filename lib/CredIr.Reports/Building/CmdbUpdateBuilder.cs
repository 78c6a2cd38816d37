using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>The CMDB changes the seed asks for after an incident (Part 4 and Part 5).</summary>
internal static class CmdbUpdateBuilder
{
    public static IReadOnlyList<ReportCmdbUpdate> Build(
        Incident incident,
        IReadOnlyList<ReportActorAction> actions,
        IReadOnlyList<ReportCredential> credentials,
        IReadOnlyList<ReportApplication> applications)
    {
        var updates = new List<ReportCmdbUpdate>();
        foreach (var c in credentials)
        {
            var status = c.Status.Length > 0 ? c.Status : "unknown";
            var origin = c.Depth == 0
                ? "compromised credential"
                : $"derived by the actor with {c.CreatedByEventName} ({c.CreatedByEventId})";
            var follow = c.Kind switch
            {
                "access-key" when c.Depth > 0 => "the actor made it: delete it once evidence is kept",
                "access-key" => "issue its legitimate users a new key and delete this one once evidence is kept",
                "role-session" or "session-token" or "federation-token" => "record when its sessions were revoked",
                "login-profile" => "reset the console password and enforce MFA",
                _ => "review who may use it",
            };
            updates.Add(new ReportCmdbUpdate(c.Id, "", $"Record the {c.Kind.Replace('-', ' ')} as compromised (status {status}); {follow}", origin));
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in actions.Where(a => a.ErrorCode.Length == 0 && a.Categories.Any(c => c is "resource-creation" or "creation")))
        {
            foreach (var r in a.Resources)
            {
                var label = r.Arn.Length > 0 ? r.Arn : r.Id;
                if (label.Length > 0 && created.Add(label))
                {
                    updates.Add(new ReportCmdbUpdate(
                        label,
                        ApplicationBuilder.ApplicationTag(r.Tags) ?? "",
                        $"Confirm the actor-created {(r.Type.Length > 0 ? r.Type : "resource")} is deleted, or register it as isolated for forensics",
                        $"created by {a.EventName} ({a.EventId})"));
                }
            }
        }

        foreach (var item in incident.RecoveryItems.Where(i => i.Resource is not null))
        {
            updates.Add(new ReportCmdbUpdate(
                ProtoValues.ResourceLabel(item.Resource),
                ApplicationBuilder.ApplicationTag(item.Resource.Tags) ?? "",
                $"Update the configuration record after recovery by {ProtoValues.Name(item.Strategy).Replace('-', ' ')} (status {ProtoValues.Name(item.Status)})",
                $"{ProtoValues.Name(item.Change)} by the actor"));
        }

        foreach (var app in applications)
        {
            updates.Add(new ReportCmdbUpdate(
                app.Name,
                app.Name,
                "Attach this report and the evidence export to the application's entry, with the current status of its resources",
                "playbook Part 5: store the artifacts with the application information"));
        }

        updates.Add(new ReportCmdbUpdate(
            "credential-compromise response process",
            "",
            "Store this report and the lessons learned with the response process entry",
            "playbook Part 5: store the artifacts with the response process"));
        return updates;
    }
}
