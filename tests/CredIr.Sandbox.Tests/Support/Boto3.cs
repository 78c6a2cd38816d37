using System.Diagnostics;
using System.Text.Json;

namespace CredIr.Sandbox.Tests.Support;

/// <summary>Runs a boto3 script (Debian's /usr/bin/python3) against a sandbox and returns the JSON it prints.</summary>
internal static class Boto3
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static async Task<JsonElement> RunAsync(string script, object input)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Python", script));
        start.Environment["SANDBOX_INPUT"] = JsonSerializer.Serialize(input);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Limit.TotalSeconds} s; stderr: {await stderr}");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await stderr}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>What every script needs: the endpoint and a key pair to start with.</summary>
    public static object Input(SandboxHost sandbox, SandboxCredentials credentials, object? extra = null) => new
    {
        endpoint = sandbox.Endpoint.ToString().TrimEnd('/'),
        accessKeyId = credentials.AccessKeyId,
        secretAccessKey = credentials.SecretAccessKey,
        sessionToken = credentials.SessionToken,
        extra,
    };
}
