using System.Net;

namespace CredIr.Grpc.Internal.Client;

/// <summary>The spec's mapping of an HTTP status (with no grpc-status) to a gRPC status.</summary>
internal static class HttpStatusMapping
{
    public static StatusCode ToStatus(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
