using System.Globalization;

namespace CredIr.Incidents.FaultInjection;

/// <summary>
/// Where the coordinator kills itself: at the <see cref="Occurrence"/>th write of <see cref="At"/>
/// (before:KIND or after:KIND, kinds in <see cref="CrashPoints.Kinds"/>) since it started, counting
/// only writes whose description holds <see cref="Matching"/> when set.
/// </summary>
internal sealed record CrashPointSettings(string At, int Occurrence, string? Matching)
{
    public const string AtVariable = "CREDIR_CRASH_AT";
    public const string OccurrenceVariable = "CREDIR_CRASH_OCCURRENCE";
    public const string MatchingVariable = "CREDIR_CRASH_MATCHING";

    /// <summary>The settings in the environment, or null when no crash point is asked for; a bad one stops the process at start.</summary>
    public static CrashPointSettings? FromEnvironment()
    {
        var at = Environment.GetEnvironmentVariable(AtVariable)?.Trim();
        if (string.IsNullOrEmpty(at))
        {
            return null;
        }

        if (CrashPoints.Check(at) is { } problem)
        {
            throw new InvalidOperationException($"{AtVariable}: {problem}");
        }

        var occurrenceText = Environment.GetEnvironmentVariable(OccurrenceVariable);
        var occurrence = string.IsNullOrEmpty(occurrenceText) ? 1 : int.Parse(occurrenceText, CultureInfo.InvariantCulture);
        if (occurrence < 1)
        {
            throw new InvalidOperationException($"{OccurrenceVariable} must be at least 1.");
        }

        var matching = Environment.GetEnvironmentVariable(MatchingVariable);
        return new CrashPointSettings(at, occurrence, string.IsNullOrEmpty(matching) ? null : matching);
    }
}
