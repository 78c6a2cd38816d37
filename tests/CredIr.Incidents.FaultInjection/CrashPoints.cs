using System.Diagnostics;

namespace CredIr.Incidents.FaultInjection;

/// <summary>
/// Counts the durable writes of one kind and, at the configured one, kills this process the way
/// kill -9 does (SIGKILL: no finally blocks, no flush, no graceful shutdown). The line it writes
/// first lets a test tell the point it meant to hit from a crash of another cause.
/// </summary>
internal sealed class CrashPoints
{
    public static readonly IReadOnlyList<string> Kinds = ["state", "journal-intent", "journal-result", "evidence", "findings", "checkpoint", "run-claim"];

    private readonly string _at;
    private readonly int _occurrence;
    private readonly string? _matching;
    private int _seen;

    public CrashPoints(CrashPointSettings settings)
    {
        _at = settings.At;
        _occurrence = settings.Occurrence;
        _matching = settings.Matching;
    }

    public void Before(string kind, string detail) => Reached("before:" + kind, detail);

    public void After(string kind, string detail) => Reached("after:" + kind, detail);

    /// <summary>Why <paramref name="at"/> cannot name a point, or null when it can.</summary>
    public static string? Check(string at)
    {
        var parts = at.Trim().Split(':', 2);
        return parts.Length == 2 && parts[0] is "before" or "after" && Kinds.Contains(parts[1])
            ? null
            : $"'{at}' is not before:KIND or after:KIND with KIND one of {string.Join(", ", Kinds)}.";
    }

    private void Reached(string point, string detail)
    {
        if (!string.Equals(point, _at, StringComparison.Ordinal)
            || (_matching is not null && !detail.Contains(_matching, StringComparison.Ordinal))
            || Interlocked.Increment(ref _seen) != _occurrence)
        {
            return;
        }

        Console.Error.WriteLine($"credir crash point: killing the coordinator {point} #{_occurrence} ({detail})");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();

        // SIGKILL to oneself takes effect before kill(2) returns; should it not, nothing may run on.
        Environment.FailFast("credir crash point reached");
    }
}
