namespace CredIr.Sandbox;

/// <summary>Faults injected into one service's responses.</summary>
public sealed record FaultOptions
{
    /// <summary>Fraction (0..1) of requests answered with the service's throttling error.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Fraction (0..1) of requests answered with a 500 InternalError.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>
    /// Fraction (0..1) of requests refused with the service's AccessDenied, as when the caller's policy lacks the
    /// action (a responder without cloudtrail:LookupEvents, say).
    /// </summary>
    public double AccessDeniedRate { get; init; }

    /// <summary>
    /// CloudTrail LookupEvents: fraction (0..1) of pages answered with no events and a NextToken that resumes where the
    /// page would have started. AWS does this (a page is cut by the work done, not only by MaxResults).
    /// </summary>
    public double EmptyPageRate { get; init; }

    /// <summary>Delay added before every response of the service, on the sandbox's clock (a fake clock in tests).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Per-region delays that replace <see cref="Latency"/> there: slow regions beside fast ones.</summary>
    public IReadOnlyDictionary<string, TimeSpan> RegionLatency { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    internal TimeSpan LatencyIn(string region) => RegionLatency.TryGetValue(region, out var slow) ? slow : Latency;
}
