using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Bench.FanOut;

/// <summary>The same scan by a plain boto3 loop (Debian's python3-boto3), within a time budget; the rest is projected from its pace.</summary>
internal static class Boto3Scan
{
    public sealed record Result(double Seconds, long Pages, long Events, int AccountRegions);

    public static async Task<Result?> RunAsync(FanOutOrganization org, TimeSpan budget, CancellationToken ct)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "FanOut", "boto3_fanout.py");
        if (!File.Exists(python) || !File.Exists(script))
        {
            return null;
        }

        var management = org.Sandbox.Accounts[0];
        var settings = new JsonObject
        {
            ["endpoint"] = org.Sandbox.Endpoint.ToString().TrimEnd('/'),
            ["accessKeyId"] = management.AdminAccessKeyId,
            ["secretAccessKey"] = management.AdminSecretAccessKey,
            ["managementAccount"] = management.AccountId,
            ["accounts"] = new JsonArray([.. org.Sandbox.Accounts.Select(a => (JsonNode)a.AccountId)]),
            ["regions"] = new JsonArray([.. org.Sandbox.Regions.Select(r => (JsonNode)r)]),
            ["start"] = org.Since.ToUnixTimeSeconds(),
            ["end"] = org.Until.ToUnixTimeSeconds(),
            ["budgetSeconds"] = budget.TotalSeconds,
        };
        var start = new ProcessStartInfo(python, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Keep boto3 on the sandbox: no profile, proxy or endpoint from the environment.
        foreach (var name in new[] { "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "HTTP_PROXY", "HTTPS_PROXY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["NO_PROXY"] = "127.0.0.1";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(settings.ToJsonString().AsMemory(), ct);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"boto3 loop failed ({process.ExitCode}): {await stderr}");
            return null;
        }

        var result = JsonDocument.Parse(stdout).RootElement;
        return new Result(result.GetProperty("seconds").GetDouble(), result.GetProperty("pages").GetInt64(), result.GetProperty("events").GetInt64(), result.GetProperty("accountRegions").GetInt32());
    }
}
