using Microsoft.AspNetCore.Http;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Who made a server call, read only when a handler asks.</summary>
internal static class ServerCaller
{
    public static string? Resolve(HttpContext http, string? callerKey)
    {
        // Authenticated in this host (the gateway serving a service in its own process).
        if (http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }

        if (callerKey is null)
        {
            return null;
        }

        var headers = http.Request.Headers;
        return CallerHeaders.Resolve(headers[CallerHeaders.Caller].ToString(), headers[CallerHeaders.Key].ToString(), callerKey);
    }
}
