using System.Globalization;
using CredIr.Sandbox;
using CredIr.Tests;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The settings a <c>credir serve</c> child needs to respond against the sandbox as against AWS:
/// the management account's admin key through the default chain, every AWS call to the sandbox,
/// the sample CMDB (stakeholders of the multi-account-org scenario) and one webhook target.
/// </summary>
internal static class CoordinatorEnvironment
{
    public static Dictionary<string, string> For(SandboxHost sandbox, WebhookReceiver webhook, string directory, CrashPoint? crash = null)
    {
        var admin = sandbox.Accounts[0];
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = admin.AdminAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = admin.AdminSecretAccessKey,
            ["AWS_REGION"] = "us-east-1",
            ["Aws__EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws__UseEnvironmentEndpoints"] = "false",
            ["Aws__Region"] = "us-east-1",
            ["Identification__CmdbPath"] = Path.Combine(AppContext.BaseDirectory, "Cmdb", "sample-cmdb.json"),
            ["Identification__Notifications__OutboxPath"] = Path.Combine(directory, "identification-outbox.db"),
            ["Identification__Notifications__Targets__0__Name"] = "soc",
            ["Identification__Notifications__Targets__0__Url"] = webhook.Url.ToString(),

            // The sandbox records a call in CloudTrail at once: a short containment watch sees it.
            ["Incidents__VerificationWindow"] = "00:00:02",
            ["Incidents__VerificationPollInterval"] = "00:00:01",

            // The tests open incidents with auto_approve, which a coordinator honours only when its policy says so.
            ["Incidents__AutoApprove__AllowOnRequest"] = "true",
        };
        if (crash is not null)
        {
            // The fault injection is a test-only assembly the runtime loads before credir's Main;
            // nothing in the shipped binaries can kill the coordinator.
            environment["DOTNET_STARTUP_HOOKS"] = Path.Combine(AppContext.BaseDirectory, "CredIr.Incidents.FaultInjection.dll");
            environment["CREDIR_CRASH_AT"] = crash.At;
            environment["CREDIR_CRASH_OCCURRENCE"] = crash.Occurrence.ToString(CultureInfo.InvariantCulture);
            if (crash.Matching is not null)
            {
                environment["CREDIR_CRASH_MATCHING"] = crash.Matching;
            }
        }

        return environment;
    }

    public static Task<SandboxHost> StartSandboxAsync() =>
        SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "multi-account-org.json") }, CancellationToken.None);
}
