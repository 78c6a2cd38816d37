using System.Text.Json;
using CredIr.Sandbox;
using CredIr.Sandbox.Huawei;

namespace CredIr.Cli.Demo;

/// <summary>
/// The demo on a Huawei Cloud scenario: the sandbox serves the scenario's Huawei account (beside an AWS organization
/// of one account with no history), the services act on it as acme-admin, and the incident names the leaked AK.
/// </summary>
internal sealed class HuaweiDemo(HuaweiAccount account)
{
    // The scenario's account administrator: the responder's AK/SK, as a deployment would configure its own.
    private const string Responder = "acme-admin";

    public string LeakedAccessKeyId { get; } = account.Scenario.GroundTruth?["leakedAccessKey"]?.GetValue<string>()
        ?? throw new CliException("the Huawei scenario has no groundTruth.leakedAccessKey: the demo cannot know which AK leaked");

    /// <summary>A Huawei Cloud scenario names its account's domain (an AWS one its organization).</summary>
    public static bool IsHuaweiScenario(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("domain", out _);
    }

    public string Describe(SandboxHost sandbox) =>
        $"sandbox {sandbox.Endpoint}: Huawei Cloud account {account.DomainName} ({account.DomainId}), {account.Regions.Count} region projects; leaked AK {LeakedAccessKeyId}";

    /// <summary>The HuaweiCloud section every phase service reads.</summary>
    public void Configure(IDictionary<string, string?> settings)
    {
        var responder = account.Credentials(Responder);
        settings["HuaweiCloud:IamEndpoint"] = account.IamEndpoint.ToString();
        settings["HuaweiCloud:CtsEndpoint"] = account.CtsEndpoint;
        settings["HuaweiCloud:AccessKeyId"] = responder.AccessKeyId;
        settings["HuaweiCloud:SecretAccessKey"] = responder.SecretAccessKey;
    }
}
