using CredIr.Gateway.Auth;
using CredIr.Gateway.Proxy;

namespace CredIr.Gateway.Audit;

/// <summary>One audit line per call: who, which method or route, the result, how long. No bodies, no tokens.</summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = time.GetTimestamp();
        http.Features.Set(new RequestArrival(started));
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            var grpcStatus = http.Response.Headers["grpc-status"].FirstOrDefault()
                ?? http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].FirstOrDefault()
                ?? string.Empty;
            Log.Call(logger, RoleReader.Subject(http.User) ?? "anonymous", http.Request.Method, http.Request.Path.Value ?? string.Empty,
                http.Response.StatusCode, grpcStatus, time.GetElapsedTime(started).TotalMilliseconds, http.Connection.RemoteIpAddress?.ToString() ?? string.Empty);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Audit caller={Caller} {Verb} {Path} http={HttpStatus} grpc-status={GrpcStatus} ms={ElapsedMs:F2} from={Remote}")]
        public static partial void Call(ILogger logger, string caller, string verb, string path, int httpStatus, string grpcStatus, double elapsedMs, string remote);
    }
}
