using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Cli.Tests;

/// <summary>The README's promise: <c>credir demo</c> runs the whole playbook against the sandbox and writes the reports.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"credir-demo-{Guid.NewGuid():N}");

    [Fact]
    public async Task Demo_MultiAccountOrg_CompletesThePlaybookAndWritesTheReports()
    {
        var truth = GroundTruth();

        var result = await Credir.RunAsync(["demo", "--out", _out], TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.Contains("approval containment-1-approval (containment-1): automatic (policy auto-approve)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("approval eradication-1-approval (eradication-1): automatic (policy auto-approve)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("phase recovered", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("containment verification (5 s watch): no use in the first 5 s after containment; CloudTrail delivers events up to 15 min late", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT contained", result.Stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "report.html", "report.md", "report.json" })
        {
            var path = Path.Combine(_out, file);
            Assert.Contains($"wrote {path}", result.Stdout, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
        }

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "report.json")));
        var listed = report.RootElement.GetProperty("credentials").EnumerateArray().Select(c => c.GetProperty("accessKeyId").GetString()).ToHashSet();
        var markdown = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        // Every credential of the actor is stopped, the session of the response role (OrganizationAccountAccessRole) included.
        var statuses = report.RootElement.GetProperty("credentials").EnumerateArray()
            .Where(c => c.GetProperty("accessKeyId").GetString() is { Length: > 0 })
            .ToDictionary(c => c.GetProperty("accessKeyId").GetString()!, c => c.GetProperty("status").GetString());
        Assert.All(truth.Keys, key => Assert.True(statuses.GetValueOrDefault(key) is "Inactive" or "Deleted" or "Revoked", $"{key}: {statuses.GetValueOrDefault(key)}"));
        Assert.Equal("Revoked", statuses["ASIA7MAINTPRODSESS01"]);

        // Each blind spot of the trail once, saying where it is.
        var gaps = report.RootElement.GetProperty("summary").GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("reason").GetString()).ToList();
        Assert.Equal(gaps.Distinct().Count(), gaps.Count);
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("- **Trail gap:** every account and region: CloudTrail LookupEvents holds management events only", StringComparison.Ordinal));

        foreach (var key in truth.Keys)
        {
            Assert.Contains(key, listed);
            Assert.Contains(key, markdown, StringComparison.Ordinal);
            Assert.Contains(key, result.Stdout, StringComparison.Ordinal);
        }

        // Everything the actor created is gone and every change is restored, in whichever account and region it was made.
        var actions = report.RootElement.GetProperty("actions").EnumerateArray().ToList();
        foreach (var (type, name, account) in truth.Created)
        {
            var (action, matches) = type switch
            {
                "AWS::IAM::User" => ("iam:DeleteUser", (Func<JsonElement, bool>)(t => t.GetProperty("id").GetString() == name)),
                "AWS::IAM::AccessKey" => ("iam:DeleteAccessKey", t => t.GetProperty("id").GetString() == name),
                "AWS::EC2::Instance" => ("ec2:TerminateInstances", t => t.GetProperty("accountId").GetString() == account),
                "AWS::Lambda::Function" => ("lambda:DeleteFunction", t => t.GetProperty("arn").GetString() == name),
                _ => throw new InvalidOperationException($"the demo test does not know how {type} is removed"),
            };
            Assert.True(
                actions.Any(a => a.GetProperty("action").GetString() == action && matches(a.GetProperty("target")) && a.GetProperty("status").GetString() == "succeeded"),
                $"no succeeded {action} for the actor's {type} {name} in {account}");
        }

        foreach (var policy in truth.ChangedPolicies)
        {
            Assert.Contains(actions, a => a.GetProperty("planKind").GetString() == "recovery" && a.GetProperty("target").GetProperty("arn").GetString() == policy && a.GetProperty("status").GetString() == "succeeded");
        }
    }

    [Fact]
    public async Task Demo_HuaweiAkLeak_ContainsEradicatesRecoversOnHuaweiCloudAndWritesTheReports()
    {
        var truth = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "huawei-ak-leak.json")))!["groundTruth"]!;
        var leaked = truth["leakedAccessKey"]!.GetValue<string>();
        var persistence = truth["createdAccessKeys"]![0]!["accessKey"]!.GetValue<string>();

        var result = await Credir.RunAsync(["demo", "--scenario", "huawei-ak-leak", "--out", _out], TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains($"leaked AK {leaked}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("approval containment-1-approval (containment-1): automatic (policy auto-approve)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("huawei-iam:UpdateCredential(inactive): Succeeded", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("phase recovered", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT contained", result.Stdout, StringComparison.Ordinal);
        // The summary table says what was done to the user the actor created: disabled, then deleted.
        Assert.Contains("huawei-iam:UpdateUser(disabled) succeeded, huawei-iam:DeleteUser succeeded", result.Stdout, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "report.json")));

        // The leaked AK inactive (kept as evidence), the actor's AK deleted, the agency token stopped with the user who obtained it.
        var statuses = report.RootElement.GetProperty("credentials").EnumerateArray()
            .Where(static c => c.GetProperty("accessKeyId").GetString() is { Length: > 0 })
            .ToDictionary(static c => c.GetProperty("accessKeyId").GetString()!, static c => c.GetProperty("status").GetString());
        Assert.Equal("Inactive", statuses[leaked]);
        Assert.Equal("Deleted", statuses[persistence]);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses.Values, static s => Assert.True(s is "Inactive" or "Deleted" or "Revoked", s));

        // The actor's user and AK removed, the policy it widened restored.
        var actions = report.RootElement.GetProperty("actions").EnumerateArray()
            .Select(static a => (Kind: a.GetProperty("planKind").GetString(), Action: a.GetProperty("action").GetString(), Arn: a.GetProperty("target").GetProperty("arn").GetString()!, Status: a.GetProperty("status").GetString()))
            .ToList();
        Assert.Contains(("eradication", "huawei-iam:DeleteCredential", $"iam::0a1b2c3d4e5f60718293a4b5c6d7e8f9:credential:{persistence}", "succeeded"), actions);
        Assert.Contains(actions, static a => a is { Kind: "eradication", Action: "huawei-iam:DeleteUser", Status: "succeeded" } && a.Arn.EndsWith(":user:ops-backup", StringComparison.Ordinal));
        Assert.Contains(actions, static a => a is { Kind: "recovery", Action: "huawei-iam:UpdateRole(restore)", Status: "succeeded" });
        Assert.True(new FileInfo(Path.Combine(_out, "report.html")).Length > 0);
        Assert.Contains(persistence, await File.ReadAllTextAsync(Path.Combine(_out, "report.md")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    /// <summary>The leaked key and every key derived from it, what the actor created, and the managed policies it changed.</summary>
    private static (IReadOnlyList<string> Keys, IReadOnlyList<(string Type, string Name, string Account)> Created, IReadOnlyList<string> ChangedPolicies) GroundTruth()
    {
        var truth = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "multi-account-org.json")))!["groundTruth"]!;
        var keys = new List<string> { truth["leakedAccessKeyId"]!.GetValue<string>() };
        keys.AddRange(truth["derivedCredentials"]!.AsArray().Select(c => c!["accessKeyId"]!.GetValue<string>()));
        var created = truth["actorCreated"]!.AsArray()
            .Select(r => (r!["type"]!.GetValue<string>(), r["name"]!.GetValue<string>(), r["account"]!.GetValue<string>()))
            .ToList();
        var policies = truth["actorChanged"]!.AsArray()
            .Where(r => r!["type"]!.GetValue<string>() == "AWS::IAM::Policy")
            .Select(r => r!["name"]!.GetValue<string>())
            .ToList();
        return (keys, created, policies);
    }
}
