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

        try
        {
            _response = await _channel.Invoker.SendAsync(request, Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, "Error starting gRPC call");
        }

        ResponseMetadata.CopyTo(_response.Headers, _context, trailers: false);
        if (_response.Headers.NonValidated.Contains(GrpcProtocol.StatusTrailer))
        {
            Finish(_response.Headers);
            return;
        }

        if (_response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(HttpStatusMapping.ToStatus(_response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)_response.StatusCode}");
        }

        var contentType = _response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
        }

        _gzip = _response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var encoding) && encoding.ToString() == GrpcProtocol.Gzip;
        var stream = await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
        _frames = new FrameBuffer(stream, _channel.Options.MaxReceiveMessageSize ?? int.MaxValue);
    }

    /// <summary>The next response message, or default at the end (after the status was checked).</summary>
    public async ValueTask<TResponse?> ReadNextAsync()
    {
        if (_finished || _frames is null)
        {
            return default;
        }

        try
        {
            var message = await _frames.ReadAsync(_parser, _gzip, Token).ConfigureAwait(false);
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
