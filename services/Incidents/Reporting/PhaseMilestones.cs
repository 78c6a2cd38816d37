using CredIr.Contracts.V1;

namespace CredIr.Incidents.Reporting;

/// <summary>
/// When the incident last reached contained, eradicated and recovered, read from its timeline (each
/// entry carries the phase the incident was in). A derived credential found after containment sends
/// the incident back to containing: containment then counts from when it was reached again, and a
/// milestone the incident has fallen back from is not reached at all.
/// </summary>
internal static class PhaseMilestones
{
    public static void Apply(Incident incident)
    {
        incident.ContainedAt = Reached(incident, Phase.Contained) ?? (incident.Phase >= Phase.Contained ? incident.ContainedAt : null);
        incident.EradicatedAt = Reached(incident, Phase.Eradicated) ?? (incident.Phase >= Phase.Eradicated ? incident.EradicatedAt : null);
        incident.RecoveredAt = Reached(incident, Phase.Recovered) ?? (incident.Phase >= Phase.Recovered ? incident.RecoveredAt : null);
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp? Reached(Incident incident, Phase milestone)
    {
        if (incident.Phase < milestone)
        {
            return null;
        }

        // The first entry at or past the milestone after the last entry before it.
        Google.Protobuf.WellKnownTypes.Timestamp? reached = null;
        foreach (var entry in incident.Timeline.Where(t => t.At is not null && t.Phase != Phase.Unspecified).OrderBy(t => t.At))
        {
            if (entry.Phase < milestone)
            {
                reached = null;
            }
            else
            {
                reached ??= entry.At;
            }
        }

        return reached;
    }
}
