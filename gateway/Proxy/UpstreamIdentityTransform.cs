using System.Security.Claims;
using CredIr.Gateway.Auth;
using CredIr.Hosting.Identity;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// The one place where the gateway tells a backend who called: every forwarded request (gRPC and REST)
/// loses the identity headers and the bearer token the client sent, and gains the authenticated caller
/// with the gateway's proof: a short-lived service token for the called service when ServiceIdentity:Key is set (what
/// a deployment should use), else the shared Gateway:CallerKey, which services compare with Grpc:CallerKey.
/// </summary>
internal sealed class UpstreamIdentityTransform(IOptions<GatewayOptions> options, ServiceTokens tokens) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.ProxyRequest.Headers;
        headers.Remove("authorization");
        headers.Remove(GatewayCaller.CallerHeader);
        headers.Remove(GatewayCaller.KeyHeader);
        headers.Remove(ServiceTokens.Header);
        foreach (var (name, value) in Headers(context.HttpContext.User, ServiceTokens.AudienceOf(context.Path.Value ?? string.Empty)))
        {
            headers.TryAddWithoutValidation(name, value);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The headers naming <paramref name="user"/> to the backend serving <paramref name="audience"/> (a service's full
    /// name; none for an anonymous call); also sent by the hand-written REST routes' gRPC calls.
    /// </summary>
    public IEnumerable<(string Name, string Value)> Headers(ClaimsPrincipal user, string audience)
    {
        if (RoleReader.Subject(user) is not { } caller)
        {
            yield break;
        }

        if (tokens.IsConfigured)
        {
            yield return (ServiceTokens.Header, tokens.Issue(caller, audience));
            yield break;
        }

        yield return (GatewayCaller.CallerHeader, caller);
        yield return (GatewayCaller.KeyHeader, options.Value.CallerKey);
    }
}
