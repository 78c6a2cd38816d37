using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// Which unary calls may be sent again to another instance: Gateway:RetryableMethods
/// ("credir.v1.Incidents/GetIncident") when set, else reads by name (Get*, List*, Verify*).
/// </summary>
internal sealed class RetryPolicy(IOptions<GatewayOptions> options)
{
    private static readonly string[] SafePrefixes = ["Get", "List", "Verify"];

    public bool IsRetryable(string service, string method)
    {
        var configured = options.Value.RetryableMethods;
        return configured.Count > 0
            ? configured.Contains($"{service}/{method}", StringComparer.Ordinal)
            : SafePrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
    }
}
