using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace CredIr.Tests;

/// <summary>
/// Debian's python3-grpcio as an independent client: stubs generated from the given protos with
/// grpc_tools.protoc into a temporary folder (once per instance), scripts from the test project's Python/
/// run with /usr/bin/python3. Linked into the test projects that call our gRPC services from Python.
/// </summary>
internal sealed class GrpcPython(IReadOnlyList<(string From, string To)> protos)
{
    private const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private readonly Lazy<Task<string>> _stubs = new(() => GenerateStubsAsync(protos));

    /// <summary>Runs a script and parses what it printed as one JSON document.</summary>
    public async Task<JsonElement> RunJsonAsync(string script, params string[] args)
    {
        var output = await RunAsync(script, args);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    /// <summary>Runs a script; fails the test with its stderr when it exits non-zero.</summary>
    public async Task<string> RunAsync(string script, params string[] args)
    {
        var stubs = await _stubs.Value;
        var (exit, stdout, stderr) = await ExecAsync(stubs, [Path.Combine(AppContext.BaseDirectory, "Python", script), .. args]);
        Assert.True(exit == 0, $"python {script} exited {exit}: {stderr}");
        return stdout.Trim();
    }

    private static async Task<string> GenerateStubsAsync(IReadOnlyList<(string From, string To)> protos)
    {
        var root = Path.Combine(Path.GetTempPath(), "credir-py-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(root, "src");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        foreach (var (from, to) in protos)
        {
            var target = Path.Combine(source, to);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(from, target);
        }

        var (exit, _, stderr) = await ExecAsync(output, ["-m", "grpc_tools.protoc", $"-I{source}", $"--python_out={output}", $"--grpc_python_out={output}", .. protos.Select(f => f.To)]);
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
