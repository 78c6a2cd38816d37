using System.Xml.Linq;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;

namespace CredIr.Sandbox.Scenarios;

/// <summary>
/// Plays a scenario's steps as real signed HTTP calls to the sandbox itself, the clock pinned to
/// each step's virtual time, so CloudTrail records them exactly as it records any client.
/// </summary>
internal sealed class ScenarioRunner(SandboxState state, HttpClient http, Uri endpoint, Scenario scenario, string source, DateTimeOffset start)
{
    private readonly Dictionary<string, SandboxCredentials> _obtained = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SandboxCredentials> Obtained => _obtained;

    public int Failed { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            for (var i = 0; i < scenario.Steps.Count; i++)
            {
                await RunStepAsync(i, scenario.Steps[i], ct);
            }
        }
        finally
        {
            state.Clock.Unpin();
            state.Ids.ReserveNextAccessKeyId(null);
        }
    }

    private async Task RunStepAsync(int index, ScenarioStep step, CancellationToken ct)
    {
        var where = $"steps[{index}]{(step.Id is null ? "" : $" (id {step.Id})")}";
        var at = start + (RelativeTime.TryParse(step.At, out var offset) ? offset : throw ScenarioException.At(source, where + ".at", $"'{step.At}' is not a relative time"));
        var credentials = Credentials(step.As, where);
        HttpRequestMessage request;
        byte[] body;
        try
        {
            (request, body) = StepRequestBuilder.Build(endpoint, step);
        }
        catch (ScenarioException e)
        {
            throw ScenarioException.At(source, where, e.Message);
        }

        using (request)
        {
            StepSigner.Sign(request, body, credentials, step.Region ?? state.Partition.HomeRegion, step.Service, at);
            request.Headers.TryAddWithoutValidation(RequestPipeline.SourceIpHeader, step.SourceIp ?? "198.51.100.10");
            request.Headers.TryAddWithoutValidation("User-Agent", step.UserAgent ?? "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64 prompt/off");
            state.Clock.Pin(at);
            state.Ids.ReserveNextAccessKeyId(step.IssuedKeyId);
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            state.Ids.ReserveNextAccessKeyId(null);
            if (!response.IsSuccessStatusCode)
            {
                var code = ErrorCode(response, text);
                if (step.ExpectError is null || step.ExpectError != code)
                {
                    throw ScenarioException.At(source, where, $"{step.Service}:{step.Action} failed with {code} (HTTP {(int)response.StatusCode}){(step.ExpectError is null ? "" : $", expected {step.ExpectError}")}");
                }

                Failed++;
                return;
            }

            if (step.ExpectError is not null)
            {
                throw ScenarioException.At(source, where, $"{step.Service}:{step.Action} succeeded but was expected to fail with {step.ExpectError}");
            }

            Remember(index, step, text);
        }
    }

    private SandboxCredentials Credentials(string name, string where)
    {
        if (name.StartsWith('$'))
        {
            var key = name[1..].Split('.')[0];
            return _obtained.GetValueOrDefault(key) ?? throw ScenarioException.At(source, where + ".as", $"'{name}' names no earlier step that obtained credentials");
        }

        lock (state.Gate)
        {
            if (name == "admin" || name.StartsWith("admin@", StringComparison.Ordinal))
            {
                var account = name == "admin" ? state.Management : state.Accounts.FirstOrDefault(a => a.Id == name[6..] || a.Name == name[6..])
                    ?? throw ScenarioException.At(source, where + ".as", $"unknown account in '{name}'");
                var adminKey = account.Users[scenario.Options.AdminUser].AccessKeys[0];
                return new SandboxCredentials(adminKey.Id, adminKey.Secret);
            }

            var parts = name.Split('@', 2);
            foreach (var account in state.Accounts.Where(a => parts.Length == 1 || a.Id == parts[1] || a.Name == parts[1]))
            {
                if (parts[0] == "root" && account.RootKeys.FirstOrDefault(k => k.Active) is { } root)
                {
                    return new SandboxCredentials(root.Id, root.Secret);
                }

                if (account.Users.TryGetValue(parts[0], out var user) && user.AccessKeys.FirstOrDefault(k => k.Active && !k.Deleted) is { } k)
                {
                    return new SandboxCredentials(k.Id, k.Secret);
                }
            }
        }

        throw ScenarioException.At(source, where + ".as", $"'{name}' is no principal with an active access key");
    }

    private void Remember(int index, ScenarioStep step, string text)
    {
        SandboxCredentials? obtained = null;
        if (step.Service is "sts" or "iam" && text.StartsWith('<'))
        {
            var xml = XDocument.Parse(text);
            string? Find(string local) => xml.Descendants().FirstOrDefault(e => e.Name.LocalName == local)?.Value;
            if (Find("AccessKeyId") is { } id && Find("SecretAccessKey") is { } secret)
            {
                obtained = new SandboxCredentials(id, secret, Find("SessionToken"));
            }
        }
        else if (step.Service == "ec2" && step.Action == "RunInstances")
        {
            var instanceId = XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "instanceId")?.Value;
            lock (state.Gate)
            {
                if (instanceId is not null && state.Accounts.Select(a => a.Instances.GetValueOrDefault(instanceId)).OfType<Ec2Instance>().FirstOrDefault()?.RoleSession is { } s)
                {
                    obtained = new SandboxCredentials(s.AccessKeyId, s.Secret, s.Token);
                }
            }
        }

        if (obtained is not null)
        {
            _obtained[$"step{index + 1}"] = obtained;
            if (step.Id is not null)
            {
                _obtained[step.Id] = obtained;
            }
        }
    }

    private static string ErrorCode(HttpResponseMessage response, string text)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var type))
        {
            return type.First().Split(':')[0];
        }

        if (text.StartsWith('<'))
        {
            return XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "Unknown";
        }

        try
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(text);
            var code = json?["__type"]?.GetValue<string>() ?? "Unknown";
            return code[(code.LastIndexOf('#') + 1)..];
        }
        catch (System.Text.Json.JsonException)
        {
            return "Unknown";
        }
    }
}
