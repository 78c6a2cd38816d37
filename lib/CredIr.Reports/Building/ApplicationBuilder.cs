using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>Affected applications (from the CMDB's stakeholders, plans and resource tags) and their owners.</summary>
internal static class ApplicationBuilder
{
    private static readonly string[] ApplicationTagKeys = ["application", "app", "Application", "App"];

    public static string? ApplicationTag(IReadOnlyDictionary<string, string> tags)
    {
        foreach (var key in ApplicationTagKeys)
        {
            if (tags.TryGetValue(key, out var value) && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    public static IReadOnlyList<ReportApplication> Build(Incident incident, IReadOnlyList<ReportActorAction> actions)
    {
        var resources = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Touch(string application, string resource)
        {
            if (!resources.TryGetValue(application, out var set))
            {
                resources[application] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            if (resource.Length > 0)
            {
                set.Add(resource);
            }
        }

        foreach (var s in incident.Stakeholders.Where(s => s.Application.Length > 0))
        {
            Touch(s.Application, "");
        }

        foreach (var app in incident.Plans.SelectMany(p => p.BlastRadius?.AffectedApplications ?? []).Where(a => a.Length > 0))
        {
            Touch(app, "");
        }

        foreach (var r in actions.SelectMany(a => a.Resources))
        {
            if (ApplicationTag(r.Tags) is { } app)
            {
                Touch(app, r.Arn.Length > 0 ? r.Arn : r.Id);
            }
        }

        foreach (var item in incident.RecoveryItems.Where(i => i.Resource is not null))
        {
            if (ApplicationTag(item.Resource.Tags) is { } app)
            {
                Touch(app, ProtoValues.ResourceLabel(item.Resource));
            }
        }

        return resources
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ReportApplication(kv.Key, Owners(incident, kv.Key), kv.Value.ToList()))
            .ToList();
    }

    private static List<string> Owners(Incident incident, string application)
    {
        var people = incident.Stakeholders.Where(s => s.Application == application).ToList();
        var owners = people.Where(s => s.Kind == StakeholderKind.ApplicationOwner).ToList();
        return (owners.Count > 0 ? owners : people)
            .Select(s => s.Contact.Length > 0 ? $"{s.Name} <{s.Contact}>" : s.Name)
            .ToList();
    }
}
