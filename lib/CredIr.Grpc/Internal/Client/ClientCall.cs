using System.Buffers;
using System.Buffers.Binary;
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
    private readonly byte[] _header = new byte[GrpcProtocol.HeaderSize];
    private CancellationTokenSource? _deadline;
    private CancellationTokenSource? _linked;
    private HttpResponseMessage? _response;
    private Stream? _stream;
    private bool _gzip;
    private bool _finished;

    public ClientCall(GrpcChannel channel, string method, CallContext context, MessageParser<TResponse> parser)
    {
        _channel = channel;
        _method = method;
        _context = context;
        _parser = parser;
        Token = context.CancellationToken;
    }

    /// <summary>The call's token: the caller's, and the deadline's.</summary>
    public CancellationToken Token { get; private set; }

    public async Task StartAsync(Func<CancellationToken, HttpContent> createContent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.MethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.AcceptedEncodings);
        if (_channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        foreach (var entry in _context.RequestHeaders)
        {
            headers.TryAddWithoutValidation(entry.Key, entry.Value);
        }

        if (_context.Deadline is { } deadline)
        {
            var time = _channel.Options.TimeProvider;
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                request.Dispose();
                throw new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            _deadline = new CancellationTokenSource(remaining, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_context.CancellationToken, _deadline.Token);
            Token = _linked.Token;
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
        }

        request.Content = createContent(Token);
        try
        {
            _response = await _channel.Invoker.SendAsync(request, Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, "Error starting gRPC call");
        }

        ResponseMetadata.CopyTo(_response.Headers, _context.ResponseHeaders);
        if (_response.Headers.Contains(GrpcProtocol.StatusTrailer))
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

        _gzip = _response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings) && encodings.Contains(GrpcProtocol.Gzip);
        _stream = await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
    }

    /// <summary>The next response message, or default at the end (after the status was checked).</summary>
    public async ValueTask<TResponse?> ReadNextAsync()
    {
        if (_finished || _stream is null)
        {
            return default;
        }

        var max = _channel.Options.MaxReceiveMessageSize ?? int.MaxValue;
        try
        {
            var read = await _stream.ReadAtLeastAsync(_header, GrpcProtocol.HeaderSize, throwOnEndOfStream: false, Token).ConfigureAwait(false);
            if (read == 0)
            {
                Finish(_response!.TrailingHeaders);
                return default;
            }

            if (read < GrpcProtocol.HeaderSize)
            {
                throw new RpcException(StatusCode.Internal, "Incomplete message.");
            }

            var compressed = GrpcFraming.ReadHeader(_header, max);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                await _stream.ReadExactlyAsync(buffer.AsMemory(0, length), Token).ConfigureAwait(false);
                return GrpcFraming.Parse(new ReadOnlySequence<byte>(buffer, 0, length), compressed, _gzip, _parser, MessageNames.Of<TResponse>(), max);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (EndOfStreamException)
        {
            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Failure(e, "Error reading next message");
        }
    }

    public void Dispose()
    {
        // Disposing a response not read to its end resets the HTTP/2 stream: the server sees the call cancelled.
        _response?.Dispose();
        _linked?.Dispose();
        _deadline?.Dispose();
    }

    private void Finish(HttpHeaders trailers)
    {
        _finished = true;
        ResponseMetadata.CopyTo(trailers, _context.ResponseTrailers);
        var status = ResponseMetadata.Status(trailers);
        if (status is null)
        {
            throw new RpcException(StatusCode.Internal, "No grpc-status found on response.");
        }

        if (status != StatusCode.OK)
        {
            var message = trailers.TryGetValues(GrpcProtocol.MessageTrailer, out var values) ? PercentEncoding.Decode(values.First()) : string.Empty;
            var copy = new Metadata();
            foreach (var entry in _context.ResponseTrailers)
            {
                copy.Add(entry);
            }

            throw new RpcException(status.Value, message, copy);
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
