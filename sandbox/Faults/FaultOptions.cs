namespace CredIr.Sandbox;

/// <summary>Faults injected into one service's responses.</summary>
public sealed record FaultOptions
{
    /// <summary>Fraction (0..1) of requests answered with the service's throttling error.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Fraction (0..1) of requests answered with a 500 InternalError.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Delay added before every response of the service.</summary>
    public TimeSpan Latency { get; init; }
}
