using CredIr.Contracts.V1;

namespace CredIr.Containment.Verification;

/// <summary>What a verification has seen so far: event ids (each use is reported once), counts, unreadable account-regions.</summary>
internal sealed class WatchState
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _unreadable = [];
    private readonly List<SourceGap> _gaps = [];
    private int _reported;

    public int Allowed { get; private set; }

    public int Denied { get; private set; }

    public bool FirstTime(string eventId) => _seen.Add(eventId);

    public void Count(TrailEvent use)
    {
        if (use.ErrorCode.Length > 0 && (use.Provider == CloudProvider.HuaweiCloud ? CredIr.HuaweiCloud.Playbook.CtsTrailEvents.IsDenied(use) : TrailEventMapper.IsDenied(use.ErrorCode)))
        {
            Denied++;
        }
        else
        {
            Allowed++;
        }
    }

    public bool IsUnreadable(string accountId, string region) => _unreadable.Contains((accountId, region));

    public void Unreadable(string accountId, string region, string reason, string code)
    {
        if (_unreadable.Add((accountId, region)))
        {
            _gaps.Add(new SourceGap { AccountId = accountId, Region = region, Reason = reason, ErrorCode = code });
        }
    }

    public IReadOnlyList<SourceGap> TakeNewGaps()
    {
        var fresh = _gaps.Skip(_reported).ToList();
        _reported = _gaps.Count;
        return fresh;
    }

    /// <param name="trail">The trail watched, as the summary names it (CloudTrail, or Huawei Cloud's CTS).</param>
    /// <param name="notWatched">What that trail does not hold, said on a clean verdict.</param>
    public VerificationResult Result(TimeSpan window, TimeSpan delay, string trail = "CloudTrail",
        string notWatched = "Data events (such as S3 GetObject) are not in LookupEvents and were not watched.")
    {
        var watched = $"{window.TotalMinutes:0.#} minutes after containment (plus {delay.TotalMinutes:0.#} minutes for {trail}'s delivery delay)";
        var (verdict, summary) = (Allowed, Denied, _gaps.Count) switch
        {
            ( > 0, _, _) => (VerificationVerdict.StillActive, $"Containment did not hold: {Allowed} call(s) with the credentials succeeded {watched}; {Denied} were denied."),
            (_, _, > 0) => (VerificationVerdict.Incomplete, $"{_gaps.Count} account-region(s) could not be read, so uses there would not be seen; {Denied} denied attempt(s) seen elsewhere {watched}."),
            (_, > 0, _) => (VerificationVerdict.AttemptsDenied, $"The credentials were tried {Denied} time(s) {watched}, and every call was denied: someone still holds them."),
            _ => (VerificationVerdict.Clean, $"No use of the credentials {watched}. {notWatched}"),
        };
        return new VerificationResult { Verdict = verdict, UsesAllowed = Allowed, UsesDenied = Denied, Summary = summary };
    }
}
