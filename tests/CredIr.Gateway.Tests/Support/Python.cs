using System.Diagnostics;
using System.Text.Json;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// Debian's python3-grpcio as an independent client: stubs generated from protos/credir/v1 with
/// grpc_tools.protoc into a temporary folder, scripts from Python/ run with /usr/bin/python3.
/// </summary>
internal static class Python
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private static readonly Lazy<Task<string>> Stubs = new(GenerateStubsAsync);

    public static async Task<JsonElement> RunJsonAsync(string script, params string[] args)
    {
        var stubs = await Stubs.Value;
        var (exit, stdout, stderr) = await ExecAsync(stubs, [Path.Combine(AppContext.BaseDirectory, "Python", script), .. args]);
        Assert.True(exit == 0, $"python {script} exited {exit}: {stderr}");
        using var document = JsonDocument.Parse(stdout.Trim());
        return document.RootElement.Clone();
    }

    private static async Task<string> GenerateStubsAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "credir-gateway-py-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(root, "src");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        var protos = Path.Combine(AppContext.BaseDirectory, "Protos");
        var files = Directory.GetFiles(Path.Combine(protos, "credir", "v1"), "*.proto")
            .Select(f => (From: f, To: "credir/v1/" + Path.GetFileName(f)))
            // python's own "grpc" package owns grpc.*, so the health proto goes under grpc_health/.
            .Append((From: Path.Combine(protos, "grpc", "health", "v1", "health.proto"), To: "grpc_health/v1/health.proto"))
            .ToList();
        foreach (var (from, to) in files)
        {
            var target = Path.Combine(source, to);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(from, target);
        }

        var (exit, _, stderr) = await ExecAsync(output,
            ["-m", "grpc_tools.protoc", $"-I{source}", $"--python_out={output}", $"--grpc_python_out={output}", .. files.Select(f => f.To)]);
        Assert.True(exit == 0, $"grpc_tools.protoc failed: {stderr}");
        return output;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> ExecAsync(string pythonPath, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONPATH"] = pythonPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Interpreter);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python did not finish within {ScriptTimeout}: {string.Join(' ', args)}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
