using System.Security.Claims;
using CredIr.Gateway.Proxy;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Auth;

/// <summary>
/// Checks every call: who the caller is (bearer token, or the development identity) and whether
/// their role allows the method. Refuses in the caller's protocol.
/// </summary>
internal sealed class CallerGate(RequestDelegate next, IOptions<GatewayAuthOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var method = Method(http);
        if (method is null && !HttpMethods.IsOptions(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { } route)
        {
            // Roles are per rpc: a proxied route that names none (a ReverseProxy section route to a plain HTTP path) is closed, not open.
            await GatewayErrors.WriteAsync(http, StatusCode.PermissionDenied,
                $"Route '{route.Config.RouteId}' names no rpc; give it Metadata {GatewayProxyConfig.GrpcMethodKey}=\"credir.v1.<Service>/<Method>\" to authorize it.").ConfigureAwait(false);
            return;
        }

        if (method is null || HttpMethods.IsOptions(http.Request.Method))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var auth = options.Value;
        if (auth.DevelopmentMode && http.User.Identity?.IsAuthenticated != true)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("sub", auth.DevelopmentCaller), new Claim("roles", "approver")], "development", "sub", "roles"));
        }

        if (MethodRoles.IsCoordinatorOnly(method.Service, method.Method))
        {
            // No role opens it, not even the development identity's.
            await GatewayErrors.WriteAsync(http, StatusCode.PermissionDenied,
                $"{method.Service}/{method.Method} is not offered through the gateway: only the incident coordinator executes or rolls back plans; "
                + "use credir.v1.Incidents/Advance and Approve.").ConfigureAwait(false);
            return;
        }

        var required = MethodRoles.Required(method.Service, method.Method);
        if (required == GatewayRole.None)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            await GatewayErrors.WriteAsync(http, StatusCode.Unauthenticated, await UnauthenticatedAsync(http, auth).ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }

        if (RoleReader.Highest(http.User, auth.RoleClaim) < required)
        {
            await GatewayErrors.WriteAsync(http, StatusCode.PermissionDenied,
                $"{method.Service}/{method.Method} needs the {MethodRoles.Name(required)} role.").ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }

    private static async Task<string> UnauthenticatedAsync(HttpContext http, GatewayAuthOptions auth)
    {
        if (!auth.ClientCertificates.Enabled)
        {
            return "A valid bearer token is required (Authorization: Bearer <jwt>).";
        }

        // The handler already ran for this request and keeps its result: this only reads why it refused.
        var refusal = http.Request.Headers.Authorization.Count == 0 && http.Connection.ClientCertificate is not null
            ? (await http.AuthenticateAsync(ClientCertificateHandler.SchemeName).ConfigureAwait(false)).Failure?.Message
            : null;
        return "A valid bearer token (Authorization: Bearer <jwt>) or a trusted client certificate is required"
            + (refusal is null ? "." : ": " + refusal + ".");
    }

    private static RequiredMethod? Method(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<RequiredMethod>() is { } rest)
        {
            return rest;
        }

        // A REST route proxied to a service that transcodes it: the rpc is in the route's metadata.
        if (endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(GatewayProxyConfig.GrpcMethodKey) is { } proxied)
        {
            var separator = proxied.IndexOf('/', StringComparison.Ordinal);
            return new RequiredMethod(proxied[..separator], proxied[(separator + 1)..]);
        }

        // A REST route transcoded by a service in this process.
        if (!GatewayErrors.IsGrpc(http) && endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } transcoded)
        {
            return new RequiredMethod(transcoded.Method.ServiceName, transcoded.Method.Name);
        }

        if (!GatewayErrors.IsGrpc(http))
        {
            return null;
        }

        var path = http.Request.Path.Value ?? string.Empty;
        var slash = path.LastIndexOf('/');
        return slash > 1 ? new RequiredMethod(path[1..slash], path[(slash + 1)..]) : new RequiredMethod(path, string.Empty);
    }
}
