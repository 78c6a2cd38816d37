using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>Lanes of the actor's calls by category, and the response's milestones.</summary>
internal static class TimelineBuilder
{
    public static ReportTimeline Build(Incident incident, IReadOnlyList<ReportActorAction> actions)
    {
        var lanes = actions
            .SelectMany(a => a.Categories.Select(c => (Category: c, a.At)))
            .GroupBy(x => x.Category, StringComparer.Ordinal)
            .Select(g => new ReportCategoryLane(
                g.Key,
                g.Count(),
                g.Min(x => x.At),
                g.Max(x => x.At)))
            .OrderBy(l => l.FirstAt ?? DateTimeOffset.MaxValue)
            .ThenBy(l => l.Category, StringComparer.Ordinal)
            .ToList();

        var milestones = Milestones(incident);
        var entries = incident.Timeline
            .Select(t => new ReportTimelineEntry(ProtoValues.Time(t.At), t.Actor, t.What, ProtoValues.Name(t.Phase)))
            .OrderBy(t => t.At ?? DateTimeOffset.MaxValue)
            .ToList();

        var times = actions.Where(a => a.At is not null).Select(a => a.At!.Value)
            .Concat(milestones.Select(m => m.At))
            .ToList();
        return new ReportTimeline(
            times.Count == 0 ? null : times.Min(),
            times.Count == 0 ? null : times.Max(),
            lanes,
            actions,
            milestones,
            entries);
    }

    public static IReadOnlyList<ReportMilestone> Milestones(Incident incident)
    {
        var list = new List<ReportMilestone>();
        void Add(string name, DateTimeOffset? at, string description)
        {
            if (at is { } value)
            {
                list.Add(new ReportMilestone(name, value, description));
            }
        }

        var window = incident.CompromiseWindow;
        Add("compromised", ProtoValues.Time(window?.Start),
            window is null ? "" : $"Credentials compromised (basis: {ProtoValues.Name(window.Basis)})");
        Add("detected", ProtoValues.Time(incident.OpenedAt), "Incident opened");
        var identified = incident.Timeline
            .Where(t => t.Phase == Phase.Identified && t.At is not null)
            .Select(t => ProtoValues.Time(t.At))
            .Min();
        Add("identified", identified, "Credentials, owners and compromise time identified");
        Add("contained", ProtoValues.Time(incident.ContainedAt), "Compromised credentials disabled");
        Add("eradicated", ProtoValues.Time(incident.EradicatedAt), "Actor's resources and derived credentials removed");
        Add("recovered", ProtoValues.Time(incident.RecoveredAt), "Modified and deleted resources restored");
        Add("closed", ProtoValues.Time(incident.ClosedAt), "Incident closed");
        return list.OrderBy(m => m.At).ToList();
    }
}
