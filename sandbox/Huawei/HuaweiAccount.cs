using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// The Huawei Cloud half of the sandbox: one account (domain) whose IAM (v3 / v3.0) and CTS (v3) answer under
/// <c>/huawei/iam</c> and <c>/huawei/cts/{region}</c> of the sandbox's endpoint, check SDK-HMAC-SHA256 against
/// the AK/SKs issued, and record every authenticated call as a CTS trace with CTS's fields.
/// </summary>
public sealed partial class HuaweiAccount
{
    /// <summary>The path prefix the sandbox serves Huawei Cloud under.</summary>
    public const string PathPrefix = "/huawei";

    private readonly HuaweiState _state;
    private readonly HuaweiSignatureVerifier _verifier;
    private readonly Dictionary<string, SandboxCredentials> _obtained = new(StringComparer.Ordinal);

    internal HuaweiAccount(SandboxClock clock, HuaweiScenario scenario, string source, DateTimeOffset start)
    {
        Scenario = scenario;
        _state = new HuaweiState(clock, scenario.Seed, scenario.Domain.Id, scenario.Domain.Name, scenario.Regions);
        _verifier = new HuaweiSignatureVerifier(_state);
        HuaweiSeeder.Seed(_state, scenario, source, start);
    }

    public HuaweiScenario Scenario { get; }

    /// <summary>The sandbox endpoint plus /huawei/iam: what a client takes as IAM's (global) endpoint.</summary>
    public Uri IamEndpoint => new(Root, "huawei/iam");

    /// <summary>CTS's endpoint template, {region} to be replaced (e.g. http://127.0.0.1:PORT/huawei/cts/{region}).</summary>
    public string CtsEndpoint => new Uri(Root, "huawei/cts/").ToString() + "{region}";

    public string DomainId => _state.DomainId;

    public string DomainName => _state.DomainName;

    public IReadOnlyList<string> Regions => _state.Regions;

    internal Uri Root { get; set; } = new("http://127.0.0.1/");

    /// <summary>The project id of a region (CTS traces are per project).</summary>
    public string ProjectId(string region)
    {
        lock (_state.Gate)
        {
            return _state.Projects.TryGetValue(region, out var id) ? id : throw new ArgumentException($"the Huawei account has no project in {region}", nameof(region));
        }
    }

    /// <summary>The id of a user by name.</summary>
    public string UserId(string name)
    {
        lock (_state.Gate)
        {
            return _state.UserByName(name)?.Id ?? throw new ArgumentException($"no Huawei user {name}", nameof(name));
        }
    }

    /// <summary>A user's first active AK/SK, or "$step-id": the AK/SK a scenario step created or obtained.</summary>
    public SandboxCredentials Credentials(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('$'))
        {
            return _obtained.GetValueOrDefault(name[1..]) ?? throw new ArgumentException($"'{name}' names no step that obtained an AK/SK", nameof(name));
        }

        lock (_state.Gate)
        {
            var user = _state.UserByName(name) ?? throw new ArgumentException($"no Huawei user {name}", nameof(name));
            var key = _state.Keys.Values.FirstOrDefault(k => k.UserId == user.Id && !k.Deleted && k.Status == "active")
                ?? throw new ArgumentException($"Huawei user {name} has no active access key", nameof(name));
            return new SandboxCredentials(key.Id, key.Secret);
        }
    }

    /// <summary>The CTS traces of a region's project, oldest first (copies: changing them changes nothing).</summary>
    public IReadOnlyList<JsonObject> Traces(string region)
    {
        var project = ProjectId(region);
        lock (_state.Gate)
        {
            return _state.Traces[project].Select(static t => (JsonObject)t.DeepClone()).ToList();
        }
    }

    internal HuaweiState State => _state;

    internal void Remember(string stepId, SandboxCredentials credentials) => _obtained[stepId] = credentials;

    internal async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        var requestId = Guid.NewGuid().ToString("N");
        context.Response.Headers["X-Request-Id"] = requestId;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        HuaweiCall? call = null;
        HuaweiResult result;
        try
        {
            var (service, region, segments) = Route(request.Path.Value ?? "/");
            var caller = _verifier.Verify(request, body);
            call = new HuaweiCall
            {
                Service = service,
                Region = region,
                Method = request.Method,
                Segments = segments,
                Query = request.Query.ToDictionary(static q => q.Key, static q => q.Value.ToString(), StringComparer.Ordinal),
                Body = ParseBody(body),
                Caller = caller,
                Time = _state.Clock.GetUtcNow(),
            };
            result = service == "iam" ? HuaweiIamApi.Handle(_state, call) : HuaweiCtsApi.Handle(_state, call);
        }
        catch (HuaweiApiException e)
        {
            result = new HuaweiResult(e.Status, e.Body(requestId));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON type (a string where a boolean belongs): the caller's to fix.
            result = new HuaweiResult(HttpStatusCode.BadRequest, HuaweiApiException.BadRequest("1100", "A request field has the wrong type.").Body(requestId));
        }

        // CTS records the operations a service performed (successful or refused), not requests the gateway turned
        // away or APIs that do not exist.
        if (call is not null && call.TraceName != HuaweiCall.Unrouted)
        {
            Record(call, result, request, requestId, body);
        }

        var logger = context.RequestServices.GetRequiredService<ILogger<HuaweiAccount>>();
        if ((int)result.Status >= 400)
        {
            var code = ErrorCode(result.Body);
            var accessKeyId = call?.Caller.AccessKeyId ?? AccessKeyOf(request);
            HuaweiLog.Refused(logger, request.Method, request.Path.Value ?? "/", (int)result.Status, code, accessKeyId);
        }

        context.Response.StatusCode = (int)result.Status;
        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(result.Body.ToJsonString(), ct);
        }
    }

    private static string ErrorCode(JsonNode? body) => body?["error_code"]?.ToString() ?? body?["error"]?["code"]?.ToString() ?? "-";

    // The AK id from an Authorization header the verifier refused (an id, never the signature or a secret).
    private static string AccessKeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var at = header.IndexOf("Access=", StringComparison.Ordinal);
        return at < 0 ? "-" : new string(header[(at + 7)..].TakeWhile(static c => char.IsAsciiLetterOrDigit(c)).Take(40).ToArray());
    }

    private static (string Service, string Region, IReadOnlyList<string> Segments) Route(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["iam", .. var rest] => ("iam", "global", rest),
            ["cts", var region, .. var rest] => ("cts", region, rest),
            _ => throw new HuaweiApiException(HttpStatusCode.NotFound, "APIGW.0101", "The API does not exist or has not been published in the environment"),
        };
    }

    private static JsonObject? ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw HuaweiApiException.BadRequest("IAM.0001", "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw HuaweiApiException.BadRequest("IAM.0001", "The request body is not valid JSON.");
        }
    }

    internal static HuaweiAccount Create(SandboxClock clock, HuaweiScenario scenario, string source, DateTimeOffset start)
    {
        HuaweiScenarioLoader.Validate(scenario, source);
        return new HuaweiAccount(clock, scenario, source, start);
    }

}
