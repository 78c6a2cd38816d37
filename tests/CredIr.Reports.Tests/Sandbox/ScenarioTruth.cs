using System.Text.Json.Nodes;
using CredIr.Sandbox;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CredIr.Reports.Tests.Sandbox;

/// <summary>
/// A scenario's ground truth, read from the sandbox before the response changes anything: the
/// leaked key, the actor's calls with the key each was signed with, and every secret in play.
/// </summary>
internal sealed record ScenarioTruth(string LeakedAccessKeyId, DateTimeOffset CompromiseStart, IReadOnlyList<ActorCall> ActorCalls, IReadOnlyList<string> Secrets)
{
    public static ScenarioTruth Read(SandboxHost sandbox)
    {
        var scenario = sandbox.Scenario;
        var leaked = scenario.GroundTruth?["leakedAccessKeyId"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"scenario {scenario.Name} has no groundTruth.leakedAccessKeyId");
        var start = scenario.GroundTruth?["compromiseStart"]?.GetValue<string>() is { } relative
            ? sandbox.Clock.GetUtcNow() - Ago(relative)
            : throw new InvalidOperationException($"scenario {scenario.Name} has no groundTruth.compromiseStart");
        var calls = scenario.Steps
            .Where(s => s.Actor)
            .Select(s => new ActorCall(s.Id ?? "", CloudTrailName(s.Service, s.Action), sandbox.Credentials(s.As).AccessKeyId))
            .ToList();

        var secrets = new List<string>();
        foreach (var account in sandbox.Accounts)
        {
            secrets.Add(account.AdminSecretAccessKey);
        }

        foreach (var key in sandbox.Principals.SelectMany(p => p.AccessKeys))
        {
            secrets.Add(key.SecretAccessKey);
        }

        foreach (var step in scenario.Steps)
        {
            if (step.Id is { } id && TryObtained(sandbox, id) is { } obtained)
            {
                secrets.Add(obtained.SecretAccessKey);
                if (obtained.SessionToken is { Length: > 0 } token)
                {
                    secrets.Add(token);
                }
            }

            secrets.AddRange(Passwords(step.Parameters));
        }

        return new ScenarioTruth(leaked, start, calls, secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList());
    }

    // CloudTrail names some calls otherwise than the SDK: S3's ListObjectsV2 is "ListObjects" and
    // Lambda's operations carry their API version ("CreateFunction20150331").
    private static string CloudTrailName(string service, string action) => (service, action) switch
    {
        ("s3", "ListObjectsV2") => "ListObjects",
        ("lambda", "CreateFunction") => "CreateFunction20150331",
        _ => action,
    };

    // The scenario's relative times: "-4h", "-2h40m", "-90s".
    private static TimeSpan Ago(string relative)
    {
        var match = Regex.Match(relative, "^-(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            throw new FormatException($"groundTruth.compromiseStart '{relative}' is not a time before the scenario's start");
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(Part("h"), Part("m"), Part("s"));
    }

    private static SandboxCredentials? TryObtained(SandboxHost sandbox, string stepId)
    {
        try
        {
            return sandbox.Credentials("$" + stepId);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Passwords(JsonObject parameters) =>
        parameters
            .Where(p => p.Key.Contains("Password", StringComparison.OrdinalIgnoreCase) && p.Value is JsonValue)
            .Select(p => p.Value!.GetValue<string>());
}
