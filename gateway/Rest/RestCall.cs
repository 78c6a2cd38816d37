using System.Text;
using CredIr.Contracts.Calls;
using CredIr.Gateway.Auth;
using Grpc.Core;
using IncidentsApi = CredIr.Contracts.V1.Incidents;
using Google.Protobuf;

namespace CredIr.Gateway.Rest;

/// <summary>
/// One REST request: its route values, body, the Incidents service (in this process, or a client of
/// a remote instance), and a call context carrying the caller to it.
/// </summary>
internal sealed class RestCall(HttpContext http, IncidentsApi.IncidentsClient incidents, bool inProcess, string callerKey, int maxJsonBytes)
{
    public HttpContext Http { get; } = http;

    // Advance runs the playbook up to the next approval (a scan included); a watch lasts as long as its client.
    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromHours(24);

    public IncidentsApi.IncidentsClient Incidents { get; } = incidents;

    public string Route(string name) => Http.Request.RouteValues[name] as string ?? string.Empty;

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();

    /// <summary>The caller (in-process: believed as is; remote: vouched for with the caller key), a deadline, the request's abort.</summary>
    public CallOptions Context(bool stream = false)
    {
        var headers = new Metadata();
        if (RoleReader.Subject(Http.User) is { } caller)
        {
            headers.Add(GatewayCaller.CallerHeader, caller);
            if (!inProcess)
            {
                headers.Add(GatewayCaller.KeyHeader, callerKey);
            }
        }

        return new CallOptions(headers, Deadlines.After(stream ? StreamTimeout : UnaryTimeout), Http.RequestAborted);
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
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The body is not a valid {typeof(T).Name} in proto3 JSON: {e.Message}"));
        }
    }

    public Task WriteAsync(IMessage message)
    {
        Http.Response.ContentType = "application/json";
        return Http.Response.WriteAsync(ProtoJson.Formatter.Format(message), Http.RequestAborted);
    }
}
