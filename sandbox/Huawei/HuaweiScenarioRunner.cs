using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// Plays a Huawei scenario's steps as real SDK-HMAC-SHA256-signed HTTP calls to the sandbox itself, the
/// clock pinned to each step's time, so CTS records them exactly as it records any client.
/// </summary>
internal sealed class HuaweiScenarioRunner(HuaweiAccount cloud, HttpClient http, string source, DateTimeOffset start)
{
    public int Failed { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        var state = cloud.State;
        try
        {
            for (var i = 0; i < cloud.Scenario.Steps.Count; i++)
            {
                await RunStepAsync(i, cloud.Scenario.Steps[i], ct);
            }
        }
        finally
        {
            state.Clock.Unpin();
            lock (state.Gate)
            {
                state.ReserveNextAccessKeyId(null);
            }
        }
    }

    private async Task RunStepAsync(int index, HuaweiScenarioStep step, CancellationToken ct)
    {
        var state = cloud.State;
        var where = $"steps[{index}]{(step.Id is null ? "" : $" (id {step.Id})")}";
        var at = start + (RelativeTime.TryParse(step.At, out var offset) ? offset : throw ScenarioException.At(source, where + ".at", $"'{step.At}' is not a relative time"));
        SandboxCredentials credentials;
        try
        {
            credentials = cloud.Credentials(step.As);
        }
        catch (ArgumentException e)
        {
            throw ScenarioException.At(source, where + ".as", e.Message);
        }

        var path = Resolve(step.Path, where);
        var body = step.Body is null ? [] : Encoding.UTF8.GetBytes(Resolve(step.Body.ToJsonString(), where));
        var prefix = step.Service == "iam" ? "huawei/iam" : $"huawei/cts/{step.Region}";
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), new Uri(cloud.Root, prefix + path));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf8");
        }

        request.Headers.TryAddWithoutValidation(HuaweiAccount.SourceIpHeader, step.SourceIp ?? "198.51.100.10");
        request.Headers.TryAddWithoutValidation("User-Agent", step.UserAgent ?? "huaweicloud-usdk-python/3.0");
        Sign(request, body, credentials, at);
        state.Clock.Pin(at);
        lock (state.Gate)
        {
            state.ReserveNextAccessKeyId(step.IssuedKeyId);
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        lock (state.Gate)
        {
            state.ReserveNextAccessKeyId(null);
        }

        if (!response.IsSuccessStatusCode)
        {
            var json = text.Length > 0 ? JsonNode.Parse(text) : null;
            var code = json?["error_code"]?.ToString() ?? json?["error"]?["code"]?.ToString() ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (step.ExpectError != code)
            {
                throw ScenarioException.At(source, where, $"{step.Service} {step.Method} {step.Path} failed with {code} (HTTP {(int)response.StatusCode}){(step.ExpectError is null ? "" : $", expected {step.ExpectError}")}");
            }

            Failed++;
            return;
        }

        if (step.ExpectError is not null)
        {
            throw ScenarioException.At(source, where, $"{step.Service} {step.Method} {step.Path} succeeded but was expected to fail with {step.ExpectError}");
        }

        if (step.Id is not null && text.Length > 0 && JsonNode.Parse(text)?["credential"] is JsonObject c && c["access"] is { } ak && c["secret"] is { } sk)
        {
            cloud.Remember(step.Id, new SandboxCredentials(ak.ToString(), sk.ToString(), c["securitytoken"]?.ToString()));
        }
    }

    // {domain}, {user:NAME}, {project:REGION}, {policy:NAME}, {agency:NAME} -> ids, at the time the step runs.
    private string Resolve(string text, string where)
    {
        var state = cloud.State;
        return System.Text.RegularExpressions.Regex.Replace(text, @"\{(?<kind>domain|user|project|policy)(:(?<name>[^}]+))?\}", m =>
        {
            var name = m.Groups["name"].Value;
            lock (state.Gate)
            {
                return m.Groups["kind"].Value switch
                {
                    "domain" => state.DomainId,
                    "user" => state.UserByName(name)?.Id,
                    "project" => state.Projects.GetValueOrDefault(name),
                    _ => state.Roles.Values.FirstOrDefault(r => r.Name == name)?.Id,
                } ?? throw ScenarioException.At(source, where, $"'{m.Value}' names nothing in the account (yet)");
            }
        });
    }

    // The sandbox's own signer (the client library has another): the same algorithm as the verifier checks.
    private static void Sign(HttpRequestMessage request, byte[] body, SandboxCredentials credentials, DateTimeOffset at)
    {
        var date = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var uri = request.RequestUri!;
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        request.Headers.Host = uri.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority, ["x-sdk-date"] = date };
        if (credentials.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Security-Token", token);
            headers["x-security-token"] = token;
        }

        if (request.Content is not null)
        {
            headers["content-type"] = "application/json;charset=utf8";
        }

        var signature = HuaweiCanonical.Signature(HuaweiCanonical.Request(request.Method.Method, uri.AbsolutePath, uri.Query, headers.ToList(), HuaweiCanonical.Hex(SHA256.HashData(body))), date, credentials.SecretAccessKey);
        request.Headers.TryAddWithoutValidation("Authorization", $"SDK-HMAC-SHA256 Access={credentials.AccessKeyId}, SignedHeaders={string.Join(';', headers.Keys)}, Signature={signature}");
    }
}
