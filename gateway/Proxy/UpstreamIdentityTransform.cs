using System.Security.Claims;
using CredIr.Gateway.Auth;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// The one place where the gateway tells a backend who called: every forwarded request (gRPC and REST)
/// loses the identity headers and the bearer token the client sent, and gains the authenticated caller
/// with the gateway's proof (today the shared Gateway:CallerKey, which services compare with Grpc:CallerKey).
/// </summary>
internal sealed class UpstreamIdentityTransform(IOptions<GatewayOptions> options) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.ProxyRequest.Headers;
        headers.Remove("authorization");
        headers.Remove(GatewayCaller.CallerHeader);
        headers.Remove(GatewayCaller.KeyHeader);
        foreach (var (name, value) in Headers(context.HttpContext.User))
        {
            headers.TryAddWithoutValidation(name, value);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The headers naming <paramref name="user"/> to a backend (none for an anonymous call); also sent by the hand-written REST routes' gRPC calls.</summary>
    public IEnumerable<(string Name, string Value)> Headers(ClaimsPrincipal user)
    {
        if (RoleReader.Subject(user) is { } caller)
        {
            yield return (GatewayCaller.CallerHeader, caller);
            yield return (GatewayCaller.KeyHeader, options.Value.CallerKey);
        }
    }
}
