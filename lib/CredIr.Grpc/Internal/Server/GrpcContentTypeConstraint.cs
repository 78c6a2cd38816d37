using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Lets the UNIMPLEMENTED fallback take only gRPC requests, so other POSTs still 404.</summary>
internal sealed class GrpcContentTypeConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType);
}
