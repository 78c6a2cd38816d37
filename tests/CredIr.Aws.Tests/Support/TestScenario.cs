using System.Text.Json.Nodes;
using CredIr.Sandbox.Scenarios;

namespace CredIr.Aws.Tests.Support;

/// <summary>The organization the integration tests run against: three accounts, users, a bucket, a GuardDuty finding.</summary>
internal static class TestScenario
{
    public const string Management = "111111111111";
    public const string Workload = "222222222222";
    public const string Locked = "333333333333";
    public const string FindingId = "f0a1b2c3d4e5f60718293a4b5c6d7e8f";

    public static Scenario Create() => new()
    {
        Name = "aws-client-tests",
        Seed = 42,
        Regions = ["us-east-1", "eu-west-1"],
        Options = new ScenarioOptions { LookupEventsRateLimit = 0, EmptyOrganizationPages = true },
        Organization = new ScenarioOrganization
        {
            Accounts =
            [
                new ScenarioAccount { Id = Management, Name = "management", Management = true },
                new ScenarioAccount { Id = Workload, Name = "workload" },
                new ScenarioAccount { Id = Locked, Name = "locked" },
            ],
        },
        Groups = [new ScenarioGroup { Name = "developers" }],
        Principals =
        [
            new ScenarioPrincipal
            {
                Name = "alice",
                AccessKeys = [new ScenarioAccessKey()],
                LoginProfile = true,
                Groups = ["developers"],
                MfaDevices = [$"arn:aws:iam::{Management}:mfa/alice-phone"],
            },
            new ScenarioPrincipal
            {
                Name = "bob",
                AccessKeys = [new ScenarioAccessKey()],
                InlinePolicies = new Dictionary<string, JsonObject> { ["own-keys"] = Allow("iam:ListAccessKeys", "arn:aws:iam::*:user/bob") },
            },
        ],
        Resources = new ScenarioResources
        {
            Buckets = [new ScenarioBucket { Name = "evidence", Versioning = true, Objects = new Dictionary<string, string> { ["logs/a b.txt"] = "first" } }],
            GuardDuty = [new ScenarioGuardDuty { Findings = [Finding()] }],
        },
    };

    private static JsonObject Allow(string action, string resource) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = resource }),
    };

    private static JsonObject Finding() => new()
    {
        ["id"] = FindingId,
        ["type"] = "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
        ["severity"] = 8,
        ["accountId"] = Management,
        ["region"] = "us-east-1",
        ["title"] = "Credentials for an instance role used from an external IP address.",
        ["createdAt"] = "2026-11-20T10:00:00.000Z",
        ["updatedAt"] = "2026-11-20T11:00:00.000Z",
        ["resource"] = new JsonObject
        {
            ["accessKeyDetails"] = new JsonObject { ["accessKeyId"] = "ASIAEXAMPLELEAKED01", ["principalId"] = "AROAEXAMPLE:i-0abc", ["userName"] = "web-role" },
        },
        ["service"] = new JsonObject { ["eventFirstSeen"] = "2026-11-20T09:58:00.000Z", ["eventLastSeen"] = "2026-11-20T10:30:00.000Z" },
    };
}
