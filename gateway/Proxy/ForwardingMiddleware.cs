using CredIr.Gateway.Rest;
using Grpc.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// The first step of YARP's proxy pipeline: what YARP does not do by itself for gRPC. grpc-timeout is
/// passed on minus the time already spent in the gateway; a retryable unary call (its body buffered) that
/// could not reach an instance is sent to another one; a forwarding failure is answered in the caller's
/// protocol (gRPC status, or the REST error JSON) instead of a bare 502.
/// </summary>
internal sealed class ForwardingMiddleware(RequestDelegate next, RetryPolicy retry, IOptions<GatewayOptions> options, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var proxy = http.GetReverseProxyFeature();
        var cluster = proxy.Cluster.Config.ClusterId;
        var maxAttempts = IsRetryable(http) ? options.Value.MaxAttempts : 1;
        if (maxAttempts > 1)
        {
            // Buffered whole so that a second attempt can send it again.
            http.Request.EnableBuffering();
            await http.Request.Body.DrainAsync(http.RequestAborted).ConfigureAwait(false);
        }

        var candidates = proxy.AvailableDestinations;
        var tried = new List<DestinationState>();
        for (var attempt = 1; ; attempt++)
        {
            if (!PassDeadline(http))
            {
                await GatewayErrors.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline exceeded before the call was forwarded.").ConfigureAwait(false);
                return;
            }

            proxy.AvailableDestinations = [.. candidates.Where(d => !tried.Contains(d))];
            if (http.Request.Body.CanSeek)
            {
                http.Request.Body.Position = 0;
            }

            await next(http).ConfigureAwait(false);
            var error = http.Features.Get<IForwarderErrorFeature>();
            if (error is null || http.Response.HasStarted)
            {
                return;
            }

            if (error.Error == ForwarderError.Request && attempt < maxAttempts && proxy.ProxiedDestination is { } failed)
            {
                tried.Add(failed);
                http.Features.Set<IForwarderErrorFeature>(null);
                http.Response.Clear();
                continue;
            }

            await WriteErrorAsync(http, error.Error, cluster).ConfigureAwait(false);
            return;
        }
    }

    private bool IsRetryable(HttpContext http)
    {
        if (!GatewayErrors.IsGrpc(http))
        {
            return HttpMethods.IsGet(http.Request.Method);
        }

        var path = http.Request.Path.Value ?? string.Empty;
        var slash = path.LastIndexOf('/');
        return slash > 1 && retry.IsRetryable(path[1..slash], path[(slash + 1)..]);
    }

    /// <summary>Rewrites grpc-timeout to what is left of it; false when nothing is.</summary>
    private bool PassDeadline(HttpContext http)
    {
        if (GrpcTimeout.Parse(http.Request.Headers["grpc-timeout"]) is not { } timeout)
        {
            return true;
        }

        var spent = http.Features.Get<RequestArrival>() is { } arrival ? time.GetElapsedTime(arrival.Timestamp) : TimeSpan.Zero;
        var remaining = timeout - spent;
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        http.Request.Headers["grpc-timeout"] = GrpcTimeout.Format(remaining);
        http.Features.Set(new RequestArrival(time.GetTimestamp()));
        return true;
    }

    private static Task WriteErrorAsync(HttpContext http, ForwarderError error, string cluster)
    {
        http.Response.Clear();
        return error switch
        {
            ForwarderError.NoAvailableDestinations =>
                GatewayErrors.WriteAsync(http, StatusCode.Unavailable, $"No healthy instance of credir.v1.{cluster}."),
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled =>
                GatewayErrors.WriteAsync(http, StatusCode.Cancelled, "The call was cancelled."),
            ForwarderError.RequestBodyClient when http.Features.Get<IForwarderErrorFeature>()?.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                RestEdgeMiddleware.WriteTooLargeAsync(http, "The request body is over the gateway's limit."),
            ForwarderError.RequestTimedOut =>
                GatewayErrors.WriteAsync(http, StatusCode.DeadlineExceeded, $"credir.v1.{cluster} did not answer in time."),
            _ => GatewayErrors.WriteAsync(http, StatusCode.Unavailable, $"credir.v1.{cluster} is unreachable."),
        };
    }
}
