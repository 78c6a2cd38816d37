using System.Text;
using CredIr.Contracts.Services;
using CredIr.Gateway.Auth;
using CredIr.Grpc;
using Google.Protobuf;

namespace CredIr.Gateway.Rest;

/// <summary>
/// One REST request: its route values, body, the Incidents service (in this process, or a client of
/// a remote instance), and a call context carrying the caller to it.
/// </summary>
internal sealed class RestCall(HttpContext http, IIncidentsService incidents, bool inProcess, string callerKey, int maxJsonBytes)
{
    public HttpContext Http { get; } = http;

    public IIncidentsService Incidents { get; } = incidents;

    public string Route(string name) => Http.Request.RouteValues[name] as string ?? string.Empty;

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();

    public CallContext Context()
    {
        var caller = RoleReader.Subject(Http.User);
        if (inProcess)
        {
            return CallContext.InProcess(Http.RequestAborted, caller);
        }

        var headers = new Metadata();
        if (caller is not null)
        {
            headers.Add(GatewayCaller.CallerHeader, caller);
            headers.Add(GatewayCaller.KeyHeader, callerKey);
        }

        return new CallContext(headers, cancellationToken: Http.RequestAborted);
    }

    /// <summary>The JSON body as a message; an empty body is an empty message.</summary>
    public async Task<T> BodyAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>, new()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await Http.Request.Body.ReadAsync(chunk, Http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxJsonBytes)
            {
                throw new RequestTooLargeException($"The JSON body is over {maxJsonBytes} bytes.");
            }
        }

        if (buffer.Length == 0)
        {
            return parser.ParseFrom(ByteString.Empty);
        }

        try
        {
            return ProtoJson.Parser.Parse<T>(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"The body is not a valid {typeof(T).Name} in proto3 JSON: {e.Message}");
        }
    }

    public Task WriteAsync(IMessage message)
    {
        Http.Response.ContentType = "application/json";
        return Http.Response.WriteAsync(ProtoJson.Formatter.Format(message), Http.RequestAborted);
    }
}
