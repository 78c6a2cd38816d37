using System.Diagnostics;

namespace CredIr.Cli.Tests;

/// <summary>
/// The README's SOAR example, run exactly as written: its stub commands with Debian's
/// python3-grpc-tools, then its Python program with python3-grpcio against <c>credir serve</c>
/// in front of a sandbox of its own (the example contains the leaked key for real).
/// </summary>
public sealed class ReadmeSoarExampleTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly ServedHost _host = new();
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"credir-soar-{Guid.NewGuid():N}");

    public Task InitializeAsync() => _host.InitializeAsync();

    [Fact]
    public async Task ReadmeSoarExample_AgainstAServedHost_RunsThePlaybookToRecovered()
    {
        Directory.CreateDirectory(_work);
        var root = RepoRoot.Folder;

        // The stub commands run from the repository root; here a folder that shows the same protos/, third-party/ and tests/Shared/Protos/.
        Directory.CreateSymbolicLink(Path.Combine(_work, "protos"), Path.Combine(root, "protos"));
        Directory.CreateSymbolicLink(Path.Combine(_work, "third-party"), Path.Combine(root, "third-party"));
        Directory.CreateDirectory(Path.Combine(_work, "tests", "Shared"));
        Directory.CreateSymbolicLink(Path.Combine(_work, "tests", "Shared", "Protos"), Path.Combine(root, "tests", "Shared", "Protos"));
        var stubs = await RunAsync("bash", ["-euo", "pipefail", "-c", ReadmeSnippet.Get("soar-stubs")], new Dictionary<string, string>());
        Assert.True(stubs.ExitCode == 0, stubs.ToString());
        var program = Path.Combine(_work, "soar.py");
        await File.WriteAllTextAsync(program, ReadmeSnippet.Get("soar-example"));

        var result = await RunAsync(Python, [program, new Uri(_host.Url).Authority, _host.LeakedKey], new Dictionary<string, string> { ["PYTHONPATH"] = Path.Combine(_work, "gen") });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("health: SERVING", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("opened: inc-[0-9]{8}-", result.Stdout);
        Assert.Contains("phase: PHASE_RECOVERED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("evidence intact: True", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("report: [1-9][0-9]* bytes of application/json", result.Stdout);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    // /usr/bin first: the Debian python3 that has grpcio, as on the fresh machine the README speaks of.
    private async Task<CliResult> RunAsync(string file, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PATH"] = "/usr/bin:/bin:" + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not exit within 3 minutes; stderr: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
