using System.Diagnostics;
using System.Text.Json;

namespace CredIr.Grpc.Tests.Support;

/// <summary>
/// Debian's python3-grpcio as an independent client: stubs generated with grpc_tools.protoc into a
/// temporary folder, scripts from Python/ run with /usr/bin/python3, their JSON output returned.
/// </summary>
public static class Python
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private static readonly Lazy<Task<string>> Stubs = new(GenerateStubsAsync);

    public static async Task<JsonElement> RunJsonAsync(string script, params string[] args)
    {
        var output = await RunAsync(script, args);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var stubs = await Stubs.Value;
        var (exit, stdout, stderr) = await ExecAsync(stubs, [Path.Combine(AppContext.BaseDirectory, "Python", script), .. args]);
        Assert.True(exit == 0, $"python {script} exited {exit}: {stderr}");
        return stdout.Trim();
    }

    private static async Task<string> GenerateStubsAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "credir-grpc-tests-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(root, "src");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        var protos = Path.Combine(AppContext.BaseDirectory, "Protos");

        // python's own "grpc" package owns grpc.*, so the standard protos go under grpc_health/ and
        // grpc_reflection/ as in grpcio-health-checking and grpcio-reflection; the proto packages stay.
        var files = new (string From, string To)[]
        {
            (Path.Combine(protos, "echo.proto"), "credir/test/v1/echo.proto"),
            (Path.Combine(protos, "grpc", "health", "v1", "health.proto"), "grpc_health/v1/health.proto"),
            (Path.Combine(protos, "grpc", "reflection", "v1alpha", "reflection.proto"), "grpc_reflection/v1alpha/reflection.proto"),
        };
        foreach (var (from, to) in files)
        {
            var target = Path.Combine(source, to);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(from, target);
        }

        var (exit, _, stderr) = await ExecAsync(output, ["-m", "grpc_tools.protoc", $"-I{source}", $"--python_out={output}", $"--grpc_python_out={output}", .. files.Select(f => f.To)]);
        Assert.True(exit == 0, $"grpc_tools.protoc failed: {stderr}");
        return output;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> ExecAsync(string pythonPath, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
