using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Cli.Tests;

/// <summary>The README's promise: <c>credir demo</c> runs the whole playbook against the sandbox.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"credir-demo-{Guid.NewGuid():N}");

    [Fact]
    public async Task Demo_MultiAccountOrg_CompletesAndReportsTheActorsDerivedCredentials()
    {
        var result = await Credir.RunAsync(["demo", "--out", _out], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "report.html", "report.md", "report.json" })
        {
            Assert.True(File.Exists(Path.Combine(_out, file)), $"{file} was not written under {_out}");
        }

        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.json"));
        foreach (var key in DerivedKeys())
        {
            Assert.Contains(key, report, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    // Ground truth from the scenario file; the instance role's key is generated at run time, so only fixed ids are checked.
    private static IEnumerable<string> DerivedKeys()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "multi-account-org.json")))!;
        return scenario["groundTruth"]!["derivedCredentials"]!.AsArray()
            .Select(c => c!["accessKeyId"]!.GetValue<string>())
            .Where(k => !k.Contains('<', StringComparison.Ordinal));
    }
}
