using CredIr.Contracts.Calls;
using CredIr.Gateway.Auth;
using CredIr.Gateway.Proxy;
using Grpc.Core;
using IncidentsApi = CredIr.Contracts.V1.Incidents;
using Google.Protobuf;

namespace CredIr.Gateway.Rest;

/// <summary>
/// One hand-written REST request: its route values, the Incidents service (in this process, or a client of
/// a remote instance), and a call context carrying the caller to it.
/// </summary>
internal sealed class RestCall(HttpContext http, IncidentsApi.IncidentsClient incidents, UpstreamIdentityTransform? upstream)
{
    public HttpContext Http { get; } = http;

    // A report of a large incident takes a while to render; a watch lasts as long as its client.
    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromHours(24);

    public IncidentsApi.IncidentsClient Incidents { get; } = incidents;

    public string Route(string name) => Http.Request.RouteValues[name] as string ?? string.Empty;

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault();

    /// <summary>
    /// The caller (in-process: believed as is; remote: with the gateway's proof, from the same transform as
    /// every proxied call), a deadline, the request's abort.
    /// </summary>
    public CallOptions Context(bool stream = false)
    {
        var headers = new Metadata();
        if (upstream is not null)
        {
            foreach (var (name, value) in upstream.Headers(Http.User, IncidentsApi.Descriptor.FullName))
            {
                headers.Add(name, value);
            }
        }
        else if (RoleReader.Subject(Http.User) is { } caller)
        {
            headers.Add(GatewayCaller.CallerHeader, caller);
        }

        return new CallOptions(headers, Deadlines.After(stream ? StreamTimeout : UnaryTimeout), Http.RequestAborted);
    }

    public Task WriteAsync(IMessage message)
    {
        Http.Response.ContentType = "application/json";
        return Http.Response.WriteAsync(ProtoJson.Formatter.Format(message), Http.RequestAborted);
    }
}
