using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Authorization;
using CredIr.Sandbox.Faults;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using CredIr.Sandbox.Trail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CredIr.Sandbox.Hosting;

/// <summary>
/// Every request: authenticate (SigV4), route (credential scope, X-Amz-Target, Action, REST path),
/// count it against the service's rate, inject faults, run the operation, record it in CloudTrail, answer in the service's protocol.
/// </summary>
internal sealed class RequestPipeline(
    SandboxState state,
    SigV4Verifier verifier,
    AccessAuthorizer authorizer,
    TrailRecorder recorder,
    FaultInjector faults,
    IReadOnlyDictionary<string, ISandboxService> services,
    ILogger<RequestPipeline> logger)
{
    /// <summary>Header the scenario runner sets so a step can come from the actor's address.</summary>
    public const string SourceIpHeader = "x-sandbox-source-ip";

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        var requestId = state.Ids.RequestId();
        var body = await ReadBodyAsync(request, ct);
        var auth = AuthorizationHeader.Parse(request.Headers.Authorization.ToString());
        var service = auth is null ? null : services.GetValueOrDefault(auth.Service);
        if (auth is null || service is null)
        {
            var guess = auth is null ? null : ServiceModel.Find(auth.Service);
            await ResponseWriter.WriteErrorAsync(context.Response, guess, requestId,
                auth is null ? AuthErrors.Missing(guess ?? ServiceModel.Iam) : new AwsServiceException("UnknownService", $"The service {auth.Service} is not served by this sandbox.", 400),
                HttpMethods.IsHead(request.Method), ct);
            return;
        }

        var descriptor = service.Descriptor;
        var head = HttpMethods.IsHead(request.Method);
        SandboxCall? call = null;
        try
        {
            var caller = verifier.Verify(request, body, auth, descriptor);
            var (line, form, json) = Parse(request, body, descriptor);
            var operation = service.Resolve(line) ?? throw FaultErrors.UnknownOperation(descriptor, line.Action);
            // On arrival, before the injected latency: a request counted only once its delay ran out would be counted
            // at a time the caller did not choose, so calls sent at the rate could be throttled by the delay's jitter.
            service.Admit(operation, caller.AccountId, auth.Region);
            await InjectFaultsAsync(descriptor, auth.Region, ct);
            Account account;
            lock (state.Gate)
            {
                account = state.FindAccount(caller.AccountId)!;
            }

            call = new SandboxCall
            {
                Service = descriptor,
                Operation = operation,
                Region = auth.Region,
                Caller = caller,
                Account = account,
                State = state,
                Authorizer = authorizer,
                RequestId = requestId,
                Time = state.Clock.GetUtcNow(),
                Method = request.Method,
                Segments = line.Segments,
                QueryString = line.Query,
                Headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                Body = body,
                SourceIp = request.Headers[SourceIpHeader] is { Count: > 0 } ip ? ip.ToString() : context.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1",
                UserAgent = request.Headers.UserAgent.ToString(),
                Form = form,
                Json = json,
                RequestParameters = descriptor.Protocol switch
                {
                    AwsProtocol.Query or AwsProtocol.Ec2 => form.ToRequestParameters(),
                    AwsProtocol.Json => JsonNames.Camel(json),
                    _ => null,
                },
            };
            var result = service.Handle(call);
            recorder.Record(call, null);
            await ResponseWriter.WriteAsync(context.Response, descriptor, operation, requestId, result, ct);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException or System.Xml.XmlException)
        {
            // A parameter of the wrong JSON type or an undecodable value: the caller's fault, answered as AWS would.
            var error = FaultErrors.BadInput(descriptor);
            if (call is not null)
            {
                recorder.Record(call, error);
            }

            SandboxLog.BadInput(logger, descriptor.SigningName, call?.Operation ?? "-", e.GetType().Name);
            await ResponseWriter.WriteErrorAsync(context.Response, descriptor, requestId, error, head, ct);
        }
        catch (AwsServiceException error)
        {
            if (call is not null && error.Recorded)
            {
                recorder.Record(call, error);
            }

            SandboxLog.Refused(logger, descriptor.SigningName, call?.Operation ?? "-", error.Code, auth.AccessKeyId);
            await ResponseWriter.WriteErrorAsync(context.Response, descriptor, requestId, error, head, ct);
        }
    }

    private async Task InjectFaultsAsync(ServiceModel descriptor, string region, CancellationToken ct)
    {
        if (faults.For(descriptor.SigningName) is not { } fault)
        {
            return;
        }

        if (fault.LatencyIn(region) is var latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, state.Clock, ct);
        }

        if (faults.Roll(fault.AccessDeniedRate))
        {
            var d = FaultErrors.Denied(descriptor);
            throw new AwsServiceException(d.Code, d.Message, d.Status) { Recorded = false };
        }

        if (faults.Roll(fault.ThrottleRate))
        {
            var t = FaultErrors.Throttled(descriptor);
            throw new AwsServiceException(t.Code, t.Message, t.Status) { Recorded = false };
        }

        if (faults.Roll(fault.ServerErrorRate))
        {
            var e = FaultErrors.ServerError(descriptor);
            throw new AwsServiceException(e.Code, e.Message, e.Status, sender: false) { Recorded = false };
        }
    }

    private static (RequestLine Line, QueryParams Form, JsonObject Json) Parse(HttpRequest request, byte[] body, ServiceModel descriptor)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var path = request.Path.Value ?? "/";
        // S3 object keys may hold slashes: the path is bucket then the whole key.
        var segments = descriptor.Protocol == AwsProtocol.RestXml
            ? path.TrimStart('/').Split('/', 2).Where(p => p.Length > 0).ToList()
            : path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();

        switch (descriptor.Protocol)
        {
            case AwsProtocol.Query or AwsProtocol.Ec2:
                var values = new Dictionary<string, string>(query, StringComparer.Ordinal);
                foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
                {
                    values[key] = value.ToString();
                }

                return (new RequestLine(request.Method, segments, query, values.GetValueOrDefault("Action")), new QueryParams(values), []);
            case AwsProtocol.Json:
                var target = request.Headers["X-Amz-Target"].ToString();
                var dot = target.LastIndexOf('.');
                var action = dot > 0 && target[..dot] == descriptor.TargetPrefix ? target[(dot + 1)..] : null;
                return (new RequestLine(request.Method, segments, query, action), new QueryParams(new Dictionary<string, string>()), ParseJson(body));
            default:
                return (new RequestLine(request.Method, segments, query, null, request.Headers.ContainsKey("x-amz-copy-source")), new QueryParams(new Dictionary<string, string>()), descriptor.Protocol == AwsProtocol.RestJson ? ParseJson(body) : []);
        }
    }

    private static JsonObject ParseJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            throw new AwsServiceException("SerializationException", "Start of structure or map found where not expected.", 400);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
