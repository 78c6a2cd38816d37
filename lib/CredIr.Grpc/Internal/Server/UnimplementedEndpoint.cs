using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Any other gRPC POST: UNIMPLEMENTED, trailers-only, as the spec asks.</summary>
internal static class UnimplementedEndpoint
{
    public const string ServiceKey = "unimplementedService";
    public const string MethodKey = "unimplementedMethod";
    public const string Pattern = "{" + ServiceKey + "}/{" + MethodKey + "}";

    public static Task HandleAsync(HttpContext http, ServerCallServices services)
    {
        var service = http.GetRouteValue(ServiceKey) as string ?? string.Empty;
        var message = services.Registry.Contains(service) ? "Method is unimplemented." : "Service is unimplemented.";
        var response = http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.AcceptedEncodings;
        response.Headers[GrpcProtocol.StatusTrailer] = StatusStrings.Of(StatusCode.Unimplemented);
        response.Headers[GrpcProtocol.MessageTrailer] = message;
        return Task.CompletedTask;
    }
}
