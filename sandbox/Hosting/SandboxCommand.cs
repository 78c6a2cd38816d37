using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox;

/// <summary>
/// The process form: <c>--port PORT --scenario FILE [--export-trail DIR]</c> (an AWS scenario, or a Huawei Cloud one:
/// then the ready line has a <c>huawei</c> object). Prints one JSON line on stdout when ready, serves until SIGTERM/SIGINT, then exports the trail if asked and exits 0.
/// </summary>
public static class SandboxCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int port = 0;
        string? scenario = null, export = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535:
                case "--scenario" when (scenario = value) is not null:
                case "--export-trail" when (export = value) is not null:
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"sandbox: bad argument '{args[i]}'. Usage: --port PORT --scenario FILE [--export-trail DIR]");
                    return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        SandboxHost host;
        try
        {
            var path = Shipped(scenario);
            host = await SandboxHost.StartAsync(IsHuawei(path)
                ? new SandboxOptions { Port = port, HuaweiScenarioPath = path }
                : new SandboxOptions { Port = port, ScenarioPath = path }, stop.Token);
        }
        catch (ScenarioException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        await using (host)
        {
            await Console.Out.WriteLineAsync(ReadyLine(host));
            await Console.Out.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGTERM or SIGINT: a clean stop.
            }

            if (export is not null)
            {
                await host.ExportTrailAsync(export, CancellationToken.None);
            }
        }

        return 0;
    }

    /// <summary>A bare name ("multi-account-org") means a scenario shipped beside the sandbox.</summary>
    private static string? Shipped(string? scenario)
    {
        if (scenario is null || File.Exists(scenario) || scenario.Contains('/', StringComparison.Ordinal))
        {
            return scenario;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "scenarios", scenario.EndsWith(".json", StringComparison.Ordinal) ? scenario : scenario + ".json");
        return File.Exists(shipped) ? shipped : scenario;
    }

    /// <summary>
    /// A Huawei Cloud scenario (sandbox/scenarios/huawei-*.json) names its account's <c>domain</c>; it is served beside
    /// an organization of one AWS account with no history.
    /// </summary>
    private static bool IsHuawei(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("domain", out _);
        }
        catch (JsonException)
        {
            // Not JSON at all: the AWS loader says where, as for any bad scenario.
            return false;
        }
    }

    public static string ReadyLine(SandboxHost host)
    {
        var ready = new JsonObject
        {
            ["endpoint"] = host.Endpoint.ToString().TrimEnd('/'),
            ["accounts"] = new JsonArray(host.Accounts.Select(a => (JsonNode)new JsonObject
            {
                ["accountId"] = a.AccountId,
                ["name"] = a.Name,
                ["adminAccessKeyId"] = a.AdminAccessKeyId,
                ["adminSecretAccessKey"] = a.AdminSecretAccessKey,
            }).ToArray()),
            ["regions"] = new JsonArray(host.Regions.Select(r => (JsonNode)r).ToArray()),
        };
        if (host.Huawei is { } huawei)
        {
            // The Huawei Cloud account a Huawei scenario serves under /huawei: what its clients take.
            ready["huawei"] = new JsonObject
            {
                ["iamEndpoint"] = huawei.IamEndpoint.ToString(),
                ["ctsEndpoint"] = huawei.CtsEndpoint,
                ["domainId"] = huawei.DomainId,
                ["domainName"] = huawei.DomainName,
                ["regions"] = new JsonArray(huawei.Regions.Select(static r => (JsonNode)r).ToArray()),
            };
        }

        return ready.ToJsonString(Hosting.JsonText.Relaxed);
    }
}
