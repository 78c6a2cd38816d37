using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>
/// One gRPC call from the client: sends the request (deadline as grpc-timeout, metadata), reads
/// the length-prefixed responses, then the status from the trailers (or the trailers-only headers),
/// throwing an RpcException for anything but OK.
/// </summary>
internal sealed class ClientCall<TResponse> : IDisposable
    where TResponse : IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly string _method;
    private readonly CallContext _context;
    private readonly MessageParser<TResponse> _parser;
    private readonly TimeSpan _remaining;
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource? _linked;
    private HttpResponseMessage? _response;
    private FrameBuffer? _frames;
    private bool _gzip;
    private bool _finished;

    public ClientCall(GrpcChannel channel, string method, CallContext context, MessageParser<TResponse> parser)
    {
        _channel = channel;
        _method = method;
        _context = context;
        _parser = parser;
        Token = context.CancellationToken;
        var time = channel.Options.TimeProvider;
        if (context.Deadline is { } deadline && (_remaining = deadline - time.GetUtcNow()) <= GrpcTimeout.Longest)
        {
            if (_remaining <= TimeSpan.Zero)
            {
                throw new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            _deadline = new CancellationTokenSource(_remaining, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _deadline.Token);
            Token = _linked.Token;
        }
    }

    /// <summary>The call's token: the caller's, and the deadline's.</summary>
    public CancellationToken Token { get; }

    public async Task StartAsync(HttpContent content)
    {
        try
        {
            _response = await _channel.Invoker.SendAsync(CreateRequest(content), Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, "Error starting gRPC call");
        }

        if (Accept(_response))
        {
            _frames = new FrameBuffer(await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false), _channel.Options.MaxReceiveMessageSize ?? int.MaxValue);
        }
    }

    /// <summary>
    /// A whole unary (or client-streaming) call in one async method: send, read the body to its end,
    /// then parse the one message and check the status. One state machine per call, however many
    /// times the network makes it wait.
    /// </summary>
    public async Task<TResponse> UnaryAsync(HttpContent content)
    {
        using (this)
        {
            try
            {
                _response = await _channel.Invoker.SendAsync(CreateRequest(content), Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not RpcException)
            {
                throw Failure(e, "Error starting gRPC call");
            }

            if (!Accept(_response))
            {
                throw new RpcException(StatusCode.Internal, "Failed to deserialize response message: the server sent none.");
            }

            try
            {
                // Most unary answers are small: a small buffer to start, grown to the announced length if need be.
                var stream = await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
                var frames = _frames = new FrameBuffer(stream, _channel.Options.MaxReceiveMessageSize ?? int.MaxValue, initialSize: 1024);
                int read;
                while ((read = await frames.Stream.ReadAsync(frames.FreeSpace(UnaryReadHint(frames)), Token).ConfigureAwait(false)) > 0)
                {
                    frames.Commit(read);
                }
            }
            catch (Exception e) when (e is not RpcException)
            {
                throw Failure(e, "Error reading next message");
            }

            return SingleMessage();
        }
    }

    /// <summary>The one message of a unary response read to its end, then the status.</summary>
    private TResponse SingleMessage()
    {
        var frames = _frames!;
        if (!frames.TryRead(_parser, _gzip, out var message) && frames.Buffered > 0)
        {
            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }

        if (frames.Buffered > 0)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message to a call that takes one.");
        }

        Finish(_response!.TrailingHeaders);
        return message ?? throw new RpcException(StatusCode.Internal, "Failed to deserialize response message: the server sent none.");
    }

    /// <summary>
    /// How much room the next read needs: the rest of the first frame once its header is in (refused
    /// at once when over the limit), and a read's worth otherwise.
    /// </summary>
    private static int UnaryReadHint(FrameBuffer frames)
    {
        if (frames.Buffered < GrpcProtocol.HeaderSize)
        {
            return 512;
        }

        var frame = GrpcProtocol.HeaderSize + frames.FrameLength();
        if (frames.Buffered > frame)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message to a call that takes one.");
        }

        return Math.Max(frame - frames.Buffered, 64);
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.MethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        if (_channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (_context.HasRequestHeaders)
        {
            foreach (var entry in _context.RequestHeaders)
            {
                headers.TryAddWithoutValidation(entry.Key, entry.Value);
            }
        }

        if (_deadline is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(_remaining));
        }

        return request;
    }

    /// <summary>Checks the response headers; false when the call already ended (trailers-only, status checked).</summary>
    private bool Accept(HttpResponseMessage response)
    {
        ResponseMetadata.CopyTo(response.Headers, _context, trailers: false);
        if (response.Headers.NonValidated.Contains(GrpcProtocol.StatusTrailer))
        {
            Finish(response.Headers);
            return false;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(HttpStatusMapping.ToStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
        }

        _gzip = response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var encoding) && encoding.ToString() == GrpcProtocol.Gzip;
        return true;
    }

    /// <summary>The next response message, or default at the end (after the status was checked).</summary>
    public ValueTask<TResponse?> ReadNextAsync()
    {
        if (_finished || _frames is null)
        {
            return default;
        }

        // A stream's frames usually arrive many to a read: those already here are parsed synchronously.
        return _frames.TryRead(_parser, _gzip, out var buffered) ? new ValueTask<TResponse?>(buffered) : ReadNextSlowAsync();
    }

    private async ValueTask<TResponse?> ReadNextSlowAsync()
    {
        try
        {
            var message = await _frames!.ReadAsync(_parser, _gzip, Token).ConfigureAwait(false);
            if (message is null)
            {
                Finish(_response!.TrailingHeaders);
            }

            return message;
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, "Error reading next message");
        }
    }

    public void Dispose()
    {
        // Disposing a response not read to its end resets the HTTP/2 stream: the server sees the call cancelled.
        _frames?.Dispose();
        _response?.Dispose();
        _linked?.Dispose();
        _deadline?.Dispose();
    }

    private void Finish(HttpHeaders trailers)
    {
        _finished = true;
        ResponseMetadata.CopyTo(trailers, _context, trailers: true);
        var status = ResponseMetadata.Status(trailers);
        if (status is null)
        {
            throw new RpcException(StatusCode.Internal, "No grpc-status found on response.");
        }

        if (status != StatusCode.OK)
        {
            var copy = new Metadata();
            foreach (var entry in _context.ResponseTrailersIfAny ?? Enumerable.Empty<Metadata.Entry>())
            {
                copy.Add(entry);
            }

            throw new RpcException(status.Value, ResponseMetadata.Message(trailers), copy);
        }
    }

    private RpcException Failure(Exception exception, string what)
    {
        if (_deadline?.IsCancellationRequested == true)
        {
            return new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (exception is OperationCanceledException && _context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(StatusCode.Cancelled, "Call canceled by the client.");
        }

        var status = exception is HttpRequestException or IOException ? StatusCode.Unavailable : StatusCode.Internal;
        return new RpcException(status, $"{what}. {exception.GetType().Name}: {exception.Message}");
    }
}
