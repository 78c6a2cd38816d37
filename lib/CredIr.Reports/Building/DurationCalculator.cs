using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>Time to contain, eradicate and recover, from the compromise and from the detection.</summary>
internal static class DurationCalculator
{
    public static ReportDurations Build(Incident incident)
    {
        var compromised = ProtoValues.Time(incident.CompromiseWindow?.Start);
        var detected = ProtoValues.Time(incident.OpenedAt);
        return new ReportDurations(
            Measure(ProtoValues.Time(incident.ContainedAt), compromised, detected),
            Measure(ProtoValues.Time(incident.EradicatedAt), compromised, detected),
            Measure(ProtoValues.Time(incident.RecoveredAt), compromised, detected));
    }

    private static ReportDuration? Measure(DateTimeOffset? reached, DateTimeOffset? compromised, DateTimeOffset? detected) =>
        reached is not { } at
            ? null
            : new ReportDuration(at, Seconds(at, compromised), Seconds(at, detected));

    private static long? Seconds(DateTimeOffset at, DateTimeOffset? from) =>
        from is { } start ? (long)Math.Floor((at - start).TotalSeconds) : null;
}
