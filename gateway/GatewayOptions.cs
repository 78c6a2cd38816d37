namespace CredIr.Gateway;

/// <summary>Section "Gateway": where each service lives and how calls are forwarded.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Keyed by the proto service name without its package ("Incidents", "Containment"...).</summary>
    public Dictionary<string, GatewayServiceOptions> Services { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Shared key sent to services with the caller header; services trust the caller only with it.</summary>
    public string CallerKey { get; set; } = string.Empty;

    /// <summary>Methods retried on another instance; empty: the Get*/List*/Verify* convention.</summary>
    public List<string> RetryableMethods { get; init; } = [];

    public int MaxAttempts { get; set; } = 2;

    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    // A secret must never reach logs or exceptions through ToString.
    public override string ToString() => $"Gateway(Services: {string.Join(", ", Services.Keys)}, CallerKey: {(string.IsNullOrEmpty(CallerKey) ? "unset" : "set")}, MaxAttempts: {MaxAttempts})";
}
