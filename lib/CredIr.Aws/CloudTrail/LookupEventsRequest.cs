namespace CredIr.Aws;

/// <summary>Looks up management events of the last 90 days, newest first.</summary>
public sealed record LookupEventsRequest
{
    public IReadOnlyList<LookupAttribute>? LookupAttributes { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }

    public string? EventCategory { get; init; }
}
