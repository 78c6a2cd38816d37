using System.Net;
using CredIr.Grpc;

namespace CredIr.Cli.Hosting;

/// <summary>
/// Who called, for a coordinator served by <c>credir serve</c> (approvals and the two-person rule
/// need a name). A gateway's word is checked by the gRPC layer (<c>Grpc:CallerKey</c>, see
/// docs/gateway.md); with that key set, nothing else is believed. Without it the host has no
/// authentication at all, and the name a client declares is believed only from loopback, where any
/// local user could call anyway.
/// </summary>
internal sealed class CallerResolution(string? callerKey)
{
    public void Resolve(CallContext context)
    {
        if (context.Caller is not null || context.Peer == "in-process" || callerKey is { Length: > 0 })
        {
            return;
        }

        if (context.RequestHeaders.GetValue(CallerHeaders.Caller) is { Length: > 0 } declared && IsLoopback(context.Peer))
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
