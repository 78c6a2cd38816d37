namespace CredIr.Identification.CompromiseTime;

/// <summary>A use of a credential from a source IP or user agent absent from the baseline window before it.</summary>
public sealed record SuspiciousUse(
    TrailRecord Record,
    string? NewSourceIp,
    string? NewUserAgent,
    int BaselineSize,
    DateTimeOffset BaselineFrom,
    bool BaselineComplete)
{
    public string Describe()
    {
        var what = (NewSourceIp, NewUserAgent) switch
        {
            (not null, not null) => $"source IP {NewSourceIp} and user agent \"{NewUserAgent}\"",
            (not null, null) => $"source IP {NewSourceIp}",
            _ => $"user agent \"{NewUserAgent}\"",
        };
        var baseline = BaselineSize == 0
            ? $"no use at all since {BaselineFrom:u}"
            : $"{BaselineSize} earlier calls since {BaselineFrom:u}" + (BaselineComplete ? "" : " (the records start later, so the baseline is partial)");
        return $"{Record.EventTime:u} {Record.EventSource} {Record.EventName} (event {Record.EventId}) came from {what}, not seen in the baseline: {baseline}";
    }
}
