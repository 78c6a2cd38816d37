using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CredIr.Cli.Tests;

/// <summary>
/// Every command a reader can copy from README.md, docs/*.md and sandbox/README.md, run from the
/// repository root as written (placeholders aside), so a documented command that breaks fails CI.
/// A command that cannot run on a test machine says why in <see cref="NotRunHere"/>; a new documented
/// command that is in neither list fails <see cref="Docs_EveryFencedCommand_IsRunHereOrSaysWhyNot"/>.
/// </summary>
public sealed partial class DocumentedCommandsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private const string SandboxCommand = "dotnet run --project sandbox -c Release -- --port 0 --scenario sandbox/scenarios/multi-account-org.json [--export-trail DIR]";
    private const string BenchBuild = "dotnet build -c Release bench/CredIr.Bench";
    private const string BenchRun = "dotnet bench/CredIr.Bench/bin/Release/net10.0/CredIr.Bench.dll <name> [options]";
    private const string ServeSqlite = "AWS_PROFILE=security credir serve --dev --store sqlite:/var/lib/credir/credir.db";

    private static readonly string[] RunHere = [SandboxCommand, BenchBuild, BenchRun, ServeSqlite];

    // Why each of the others is not run by this class; most are run elsewhere, which the reason names.
    private static readonly Dictionary<string, string> NotRunHere = new(StringComparer.Ordinal)
    {
        ["bash scripts/install-prerequisites.sh && dotnet run --project cli -c Release -- demo"] = ".ci/run runs the demo after the tests",
        ["bash scripts/install-prerequisites.sh && dotnet test CredIr.sln -c Release"] = ".ci/run runs it: it is this very test run",
        ["dotnet run --project cli -c Release -- demo --scenario huawei-ak-leak"] = "DemoCommandTests runs the Huawei demo (credir demo --scenario huawei-ak-leak)",
        ["AWS_PROFILE=security credir respond --access-key AKIA..."] = "needs a real AWS account; RespondCommandTests run respond against the sandbox",
        ["credir respond --access-key AKIA... --server http://127.0.0.1:5070"] = "AKIA... is a placeholder; RespondCommandTests run respond against a served host",
        ["credir incidents approve inc-20261123-023109-3b9dbf49"] = "the id is an example; ApproveFlowTests approve as a second person",
        ["CREDIR_USER=bob credir incidents approve inc-20261123-024139-ab7c5a47 --reason \"checked with the owner\""] = "the id is an example; ApproveFlowTests approve as a second person",
        ["credir incidents approve inc-20261123-024139-ab7c5a47"] = "the id is an example; ApproveFlowTests show the two-person refusal",
        ["credir serve --services incidents,identification --Services:Containment:Address=http://10.0.0.5:5071"] = "names a second machine; ServedHost tests split services across processes on loopback",
        ["python3 -m grpc_tools.protoc -Iprotos -Ithird-party/googleapis -Igen --python_out=gen --grpc_python_out=gen \\"] = "ReadmeSoarExampleTests run the README's SOAR example block",
    };

    [Fact]
    public void Docs_EveryFencedCommand_IsRunHereOrSaysWhyNot()
    {
        var documented = DocumentedCommands().ToList();

        var unknown = documented.Where(c => !RunHere.Contains(c) && !NotRunHere.ContainsKey(c)).ToList();
        Assert.True(unknown.Count == 0, "documented commands neither run by a test nor explained:\n" + string.Join('\n', unknown));
        var stale = RunHere.Concat(NotRunHere.Keys).Except(documented).ToList();
        Assert.True(stale.Count == 0, "listed here but no longer documented:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task SandboxReadme_RunFromTheRepositoryRoot_ServesTheScenarioAndExportsTheTrail()
    {
        var export = Directory.CreateTempSubdirectory("credir-export-");
        try
        {
            var args = Words(SandboxCommand.Replace("[--export-trail DIR]", "--export-trail " + export.FullName, StringComparison.Ordinal));
            using var process = Start(args, environment: null);
            using var cts = new CancellationTokenSource(Timeout);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            var line = await process.StandardOutput.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException($"no ready line; stderr: {await stderr}");
            using (var ready = JsonDocument.Parse(line))
            {
                Assert.Equal(3, ready.RootElement.GetProperty("accounts").GetArrayLength());
            }

            await TerminateAsync(process, cts.Token);

            Assert.True(process.ExitCode == 0, await stderr);
            Assert.NotEmpty(Directory.EnumerateFiles(export.FullName, "*.json.gz", SearchOption.AllDirectories));
        }
        finally
        {
            export.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BenchmarksDoc_BuildThenRunWithoutAName_ListsEveryDocumentedBenchmark()
    {
        var build = await RunAsync(Words(BenchBuild));
        Assert.True(build.ExitCode == 0, build.ToString());

        var usage = await RunAsync(Words(BenchRun.Replace(" <name> [options]", string.Empty, StringComparison.Ordinal)));

        Assert.Equal(2, usage.ExitCode);
        var documented = BenchHeading().Matches(File.ReadAllText(RepoRoot.Combine("docs", "benchmarks.md")));
        Assert.NotEmpty(documented);
        foreach (Match heading in documented)
        {
            Assert.Contains(heading.Groups["name"].Value, usage.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadmeServe_WithASqliteStore_ListensOnTheDocumentedPortAndStopsOnSigterm()
    {
        var folder = Directory.CreateTempSubdirectory("credir-serve-");
        try
        {
            // The store path is the only change: /var/lib/credir is a server's, not a test's.
            var command = ServeSqlite.Replace("/var/lib/credir/credir.db", Path.Combine(folder.FullName, "credir.db"), StringComparison.Ordinal);
            var words = Words(command);
            var environment = new Dictionary<string, string> { ["AWS_PROFILE"] = "security" };
            using var process = Start(words.SkipWhile(static w => w.Contains('=', StringComparison.Ordinal)).ToArray(), environment);
            using var cts = new CancellationTokenSource(Timeout);
            string? line;
            do
            {
                line = await process.StandardError.ReadLineAsync(cts.Token);
            }
            while (line is not null && !line.StartsWith("credir serve: ", StringComparison.Ordinal));

            Assert.NotNull(line);
            Assert.Contains("127.0.0.1:5070", line, StringComparison.Ordinal);
            await TerminateAsync(process, cts.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "credir.db")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Lines of fenced blocks that start a command, as a reader would copy them (a "$ " prompt and a
    // trailing "# comment" are not part of the command).
    private static IEnumerable<string> DocumentedCommands()
    {
        var files = new[] { "README.md", Path.Combine("sandbox", "README.md") }
            .Concat(Directory.EnumerateFiles(RepoRoot.Combine("docs"), "*.md").Select(static f => Path.GetRelativePath(RepoRoot.Folder, f)));
        foreach (var file in files)
        {
            foreach (Match block in ReadmeSnippet.Fence().Matches(File.ReadAllText(RepoRoot.Combine(file))))
            {
                foreach (var raw in block.Groups["code"].Value.Split('\n'))
                {
                    var line = Comment().Replace(raw.Trim(), string.Empty).Trim();
                    line = line.StartsWith("$ ", StringComparison.Ordinal) ? line[2..] : line;
                    if (CommandStart().IsMatch(line))
                    {
                        yield return line;
                    }
                }
            }
        }
    }

    private static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // credir is the built dll beside the tests; any other command runs as typed, from the repository root.
    private static Process Start(string[] words, IDictionary<string, string>? environment)
    {
        var info = words[0] == "credir" ? Credir.StartInfo(words[1..], environment) : new ProcessStartInfo(words[0], words[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.WorkingDirectory = RepoRoot.Folder;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    private static async Task<CliResult> RunAsync(string[] words)
    {
        using var process = Start(words, environment: null);
        using var cts = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task TerminateAsync(Process process, CancellationToken ct)
    {
        try
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            await process.WaitForExitAsync(ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([A-Z_]+=\S+ )*(credir|dotnet|bash|python3|curl|grpcurl) ")]
    private static partial Regex CommandStart();

    [GeneratedRegex(@"^\| `(?<name>[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex BenchHeading();
}
