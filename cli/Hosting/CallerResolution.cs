using System.Net;
using System.Security.Cryptography;
using System.Text;
using CredIr.Cli.Client;
using CredIr.Grpc;

namespace CredIr.Cli.Hosting;

/// <summary>
/// Who called, for a coordinator served by <c>credir serve</c> (approvals and the two-person rule
/// need a name). With <c>Gateway:CallerKey</c> set, only the gateway's word counts: the
/// <c>x-credir-caller</c> it sends with the matching <c>x-credir-gateway-key</c>. Without it the host
/// has no authentication at all, and the name a client declares is believed only from loopback,
/// where any local user could call anyway.
/// </summary>
internal sealed class CallerResolution(string? gatewayCallerKey)
{
    public const string GatewayKeyHeader = "x-credir-gateway-key";

    public void Resolve(CallContext context)
    {
        if (context.Caller is not null || context.Peer == "in-process")
        {
            return;
        }

        var headers = context.RequestHeaders;
        if (headers.GetValue(CallerIdentity.Header) is not { Length: > 0 } declared)
        {
            return;
        }

        if (gatewayCallerKey is { Length: > 0 })
        {
            if (headers.GetValue(GatewayKeyHeader) is { } key
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(gatewayCallerKey)))
            {
                context.Caller = declared;
            }

            return;
        }

        if (IsLoopback(context.Peer))
        {
            context.Caller = declared;
        }
    }

    // "ipv4:127.0.0.1:5071" or "ipv6:[::1]:5071".
    private static bool IsLoopback(string peer)
    {
        var colon = peer.IndexOf(':', StringComparison.Ordinal);
        var last = peer.LastIndexOf(':');
        if (colon < 0 || last <= colon)
        {
            return false;
        }

        var host = peer[(colon + 1)..last].Trim('[', ']');
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
