using CredIr.Hosting;
using Grpc.Core;

namespace CredIr.Gateway.Auth;

/// <summary>
/// How the gateway tells a service who called (<see cref="CallerHeaders"/>): the authenticated
/// subject and the shared Gateway:CallerKey. The gateway strips both from incoming requests; a
/// service with the same key as Grpc:CallerKey sees the caller in ServerCallContext.Caller().
/// </summary>
public static class GatewayCaller
{
    public const string CallerHeader = CallerHeaders.Caller;

    public const string KeyHeader = CallerHeaders.Key;

    /// <summary>The caller the gateway vouched for, or null when the key is missing or wrong.</summary>
    public static string? Resolve(Metadata headers, string callerKey)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return CallerHeaders.Resolve(headers.GetValue(CallerHeader), headers.GetValue(KeyHeader), callerKey);
    }
}
