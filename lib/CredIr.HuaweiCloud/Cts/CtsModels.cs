namespace CredIr.HuaweiCloud.Cts;

/// <summary>One CTS trace (v3 ListTraces), the fields as CTS names them.</summary>
public sealed record CtsTrace
{
    public required string TraceId { get; init; }
    /// <summary>The operation (createCredential, updateUser...).</summary>
    public required string TraceName { get; init; }
    /// <summary>normal, warning or incident.</summary>
    public string? TraceRating { get; init; }
    /// <summary>ConsoleAction, ApiCall or SystemAction.</summary>
    public string? TraceType { get; init; }
    /// <summary>system (management) or data: which kind of trace this is.</summary>
    public string? EventType { get; init; }
    /// <summary>The cloud service (IAM, CTS, ECS...).</summary>
    public string? ServiceType { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceName { get; init; }
    public string? ResourceId { get; init; }
    public string? SourceIp { get; init; }
    /// <summary>When the operation happened, UTC milliseconds.</summary>
    public long Time { get; init; }
    public long RecordTime { get; init; }
    /// <summary>The HTTP status the operation answered, as a string ("200", "401"...).</summary>
    public string? Code { get; init; }
    /// <summary>The request body as recorded (secrets removed by the service).</summary>
    public string? Request { get; init; }
    public string? Response { get; init; }
    public CtsUser? User { get; init; }
    public string? RequestId { get; init; }
    public string? ApiVersion { get; init; }
    public string? UserAgent { get; init; }
    public string? TrackerName { get; init; }

    public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(Time);
}

/// <summary>Who made the call: user, account (domain) and the AK it signed with.</summary>
public sealed record CtsUser
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public CtsDomain? Domain { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>User, AssumedAgency...</summary>
    public string? Type { get; init; }
    public string? PrincipalUrn { get; init; }
}

public sealed record CtsDomain(string? Id, string? Name);

/// <summary>ListTraces filters. Times are sent as UTC milliseconds; CTS keeps 7 days of traces to query.</summary>
public sealed record CtsTraceQuery
{
    /// <summary>system (management traces) or data.</summary>
    public string TraceType { get; init; } = "system";
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    /// <summary>1..200 (CTS's limit); CTS answers 10 when unset.</summary>
    public int? Limit { get; init; }
    /// <summary>The marker of the previous page: only traces older than it.</summary>
    public string? Next { get; init; }
    /// <summary>A user name.</summary>
    public string? User { get; init; }
    public string? AccessKeyId { get; init; }
    public string? ServiceType { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceName { get; init; }
    public string? ResourceId { get; init; }
    public string? TraceName { get; init; }
    public string? TraceRating { get; init; }
    public string? TrackerName { get; init; }
}

/// <summary>One page: the traces (newest first) and the marker of the next page (null on the last).</summary>
public sealed record CtsTracePage(IReadOnlyList<CtsTrace> Traces, string? NextMarker);
