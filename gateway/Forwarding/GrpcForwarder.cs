using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using CredIr.Gateway.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Forwarding;

/// <summary>
/// Forwards one gRPC call to a healthy instance of its service: request and response bodies copied
/// as streams (flushed per read), headers and trailers copied, grpc-timeout shortened by the time
/// already spent, the caller's identity added, the client's own identity headers dropped.
/// </summary>
internal sealed class GrpcForwarder(BackendRegistry registry, RetryPolicy retry, IOptions<GatewayOptions> options, TimeProvider time)
{
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "connection", "keep-alive", "transfer-encoding", "upgrade", "te", "content-length", "content-type",
        "grpc-timeout", "authorization", GatewayCaller.CallerHeader, GatewayCaller.KeyHeader,
    };

    private static readonly HashSet<string> ResponseDropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive",
    };

    public async Task ForwardAsync(HttpContext http, string service, string method)
    {
        var started = time.GetTimestamp();
        var pool = service.StartsWith("credir.v1.", StringComparison.Ordinal) ? registry.Find(service["credir.v1.".Length..]) : null;
        if (pool is null)
        {
            await GatewayErrors.WriteAsync(http, StatusCode.Unimplemented, $"Service {service} is not served by this gateway.").ConfigureAwait(false);
            return;
        }

        var timeout = GrpcTimeout.Parse(http.Request.Headers["grpc-timeout"]);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (timeout is { } t)
        {
            cancel.CancelAfter(t);
        }

        var retryable = retry.IsRetryable(service, method);
        var body = retryable ? await BufferAsync(http, cancel.Token).ConfigureAwait(false) : null;
        var tried = new List<BackendInstance>();
        for (var attempt = 1; ; attempt++)
        {
            var instance = pool.Pick(tried);
            if (instance is null)
            {
                await GatewayErrors.WriteAsync(http, StatusCode.Unavailable, $"No healthy instance of {service}.").ConfigureAwait(false);
                return;
            }

            tried.Add(instance);
            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                await GatewayErrors.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline exceeded before the call was forwarded.").ConfigureAwait(false);
                return;
            }

            using var request = BuildRequest(http, instance, service, method, remaining, body);
            HttpResponseMessage response;
            try
            {
                response = await registry.Invoker.SendAsync(request, cancel.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!cancel.IsCancellationRequested)
            {
                instance.MarkHealthy(false);
                if (body is not null && attempt < options.Value.MaxAttempts)
                {
                    continue;
                }

                await GatewayErrors.WriteAsync(http, StatusCode.Unavailable, $"{service} at {instance.Address} is unreachable.").ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                await GatewayErrors.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline exceeded.").ConfigureAwait(false);
                return;
            }

            using (response)
            {
                if (body is not null && attempt < options.Value.MaxAttempts && IsUnavailable(response))
                {
                    continue;
                }

                try
                {
                    await CopyResponseAsync(http, response, cancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
                {
                    await EndWithDeadlineAsync(http).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client went away; cancelling the upstream call was the point.
                }

                return;
            }
        }
    }

    private HttpRequestMessage BuildRequest(HttpContext http, BackendInstance instance, string service, string method, TimeSpan? remaining, byte[]? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Address, $"/{service}/{method}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body is null ? new StreamingBodyContent(http.Request.Body) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType ?? "application/grpc");
        foreach (var (name, values) in http.Request.Headers)
        {
            if (name.StartsWith(':') || DroppedHeaders.Contains(name))
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (remaining is { } r)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(r));
        }

        if (RoleReader.Subject(http.User) is { } caller)
        {
            request.Headers.TryAddWithoutValidation(GatewayCaller.CallerHeader, caller);
            request.Headers.TryAddWithoutValidation(GatewayCaller.KeyHeader, options.Value.CallerKey);
        }

        return request;
    }

    private static async Task<byte[]> BufferAsync(HttpContext http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task EndWithDeadlineAsync(HttpContext http)
    {
        if (!http.Response.HasStarted)
        {
            return GatewayErrors.WriteAsync(http, StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }

        if (http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
        {
            trailers["grpc-status"] = "4";
            trailers["grpc-message"] = "Deadline exceeded.";
        }

        return Task.CompletedTask;
    }

    private static bool IsUnavailable(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var status) && status.FirstOrDefault() == "14";

    private static async Task CopyResponseAsync(HttpContext http, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (ResponseDropped.Contains(name))
            {
                continue;
            }

            http.Response.Headers[name] = values.ToArray();
        }

        var upstream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (upstream.ConfigureAwait(false))
        {
            // A trailers-only answer (status among the headers) must leave as one HEADERS frame ending the
            // stream; starting the response early would split it and grpc-core reports "Stream removed".
            if (!response.Headers.Contains("grpc-status"))
            {
                await http.Response.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await upstream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var trailers = http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is not null)
        {
            foreach (var (name, values) in response.TrailingHeaders)
            {
                trailers[name] = values.ToArray();
            }
        }
    }
}
