using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CredIr.Grpc.Internal.Server;

/// <summary>
/// One gRPC call on the server: reads the request frames from the body pipe, writes response
/// frames, and ends with the status, as trailers or (when nothing was sent yet) trailers-only.
/// </summary>
internal sealed partial class ServerCall : IDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private readonly HttpContext _http;
    private readonly ServerCallServices _services;
    private CancellationTokenSource? _deadline;
    private CancellationTokenSource? _linked;
    private bool _gzip;
    private bool _headersWritten;

    public ServerCall(HttpContext http, ServerCallServices services, string method)
    {
        _http = http;
        _services = services;
        Method = method;
        Context = new CallContext(http, services.CallerKey, deadline: null, http.RequestAborted);
    }

    public string Method { get; }

    public CallContext Context { get; private set; }

    public HttpContext HttpContext => _http;

    public bool DeadlineExceeded => _deadline?.IsCancellationRequested == true;

    public bool ClientGone => _http.RequestAborted.IsCancellationRequested;

    /// <summary>Reads grpc-timeout and grpc-encoding; refuses an encoding we cannot read.</summary>
    public void Start()
    {
        var headers = _http.Request.Headers;
        var encoding = headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && encoding != GrpcProtocol.Identity)
        {
            if (encoding != GrpcProtocol.Gzip)
            {
                throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.AcceptedEncodings}");
            }

            _gzip = true;
        }

        var timeoutHeader = headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0 && GrpcTimeout.TryParse(timeoutHeader, out var timeout) && timeout <= GrpcTimeout.Longest)
        {
            _deadline = new CancellationTokenSource(timeout, _services.Time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted, _deadline.Token);
            Context = new CallContext(_http, _services.CallerKey, _services.Time.GetUtcNow() + timeout, _linked.Token);
        }
    }

    /// <summary>Buffers one response message (unary responses go out with the trailers); returns its frame's size.</summary>
    public int WriteMessage(IMessage message)
    {
        WriteHeadersOnce();
        return GrpcFraming.WriteMessage(_http.Response.BodyWriter, message, _services.MaxSendMessageSize);
    }

    /// <summary>
    /// Writes the messages of a stream. Each goes out when the producer has no next one ready (or
    /// 64 KiB are waiting): a slow stream sends every message at once, a fast one in fewer frames.
    /// </summary>
    public async Task WriteStreamAsync<T>(IAsyncEnumerable<T> messages)
        where T : IMessage
    {
        var writer = _http.Response.BodyWriter;
        var enumerator = messages.GetAsyncEnumerator(Context.CancellationToken);
        var unflushed = 0;
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                var next = enumerator.MoveNextAsync();
                if (!next.IsCompleted && unflushed > 0)
                {
                    await FlushAsync(writer).ConfigureAwait(false);
                    unflushed = 0;
                }

                if (!await next.ConfigureAwait(false))
                {
                    return;
                }

                unflushed += WriteMessage(enumerator.Current);
                if (unflushed >= FlushThreshold)
                {
                    await FlushAsync(writer).ConfigureAwait(false);
                    unflushed = 0;
                }
            }
        }
    }

    private async ValueTask FlushAsync(PipeWriter writer)
    {
        var flushed = await writer.FlushAsync(Context.CancellationToken).ConfigureAwait(false);
        if (flushed.IsCanceled)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Ends the call with a status: trailers, or a trailers-only response if nothing was sent.</summary>
    public void Complete(StatusCode status, string? message, Metadata? extraTrailers = null)
    {
        var response = _http.Response;
        if (!_headersWritten && !response.HasStarted)
        {
            WriteHeadersOnce();
            var headers = response.Headers;
            headers[GrpcProtocol.StatusTrailer] = StatusStrings.Of(status);
            if (!string.IsNullOrEmpty(message))
            {
                headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode(message);
            }

            RequestMetadata.CopyTo(Context.ResponseTrailersIfAny, headers);
            if (extraTrailers is not null)
            {
                RequestMetadata.CopyTo(extraTrailers, headers);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusTrailer, StatusStrings.Of(status));
        if (!string.IsNullOrEmpty(message))
        {
            response.AppendTrailer(GrpcProtocol.MessageTrailer, PercentEncoding.Encode(message));
        }

        AppendTrailers(response, Context.ResponseTrailersIfAny);
        if (extraTrailers is not null)
        {
            AppendTrailers(response, extraTrailers);
        }
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _deadline?.Dispose();
    }

    private static void AppendTrailers(HttpResponse response, Metadata? trailers)
    {
        if (trailers is null)
        {
            return;
        }

        foreach (var entry in trailers)
        {
            response.AppendTrailer(entry.Key, entry.Value);
        }
    }

    private void WriteHeadersOnce()
    {
        if (_headersWritten)
        {
            return;
        }

        _headersWritten = true;
        var response = _http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.AcceptedEncodings;
        RequestMetadata.CopyTo(Context.ResponseHeadersIfAny, response.Headers);
    }
}
