using System.Globalization;

namespace CredIr.Sandbox.Scenarios.Generation;

/// <summary>
/// A large organization made in code rather than in a scenario file: a management account and
/// <c>members</c> member accounts (each with OrganizationAccountAccessRole), over the given regions.
/// Its history is added afterwards with <see cref="SyntheticHistory"/>, without running signed steps.
/// </summary>
public static class SyntheticOrganization
{
    /// <summary>The seventeen regions enabled by default in a commercial AWS account.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
        "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1",
    ];

    public static Scenario Create(int members, IReadOnlyList<string>? regions = null, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        var accounts = new List<ScenarioAccount>(members + 1)
        {
            new() { Id = "100000000000", Name = "management", Management = true },
        };
        for (var i = 1; i <= members; i++)
        {
            accounts.Add(new ScenarioAccount { Id = (100000000000L + i).ToString(CultureInfo.InvariantCulture), Name = $"member-{i:D4}" });
        }

        return new Scenario
        {
            Name = $"synthetic-{members}-accounts",
            Seed = seed,
            Regions = regions ?? DefaultRegions,
            Organization = new ScenarioOrganization { Accounts = accounts },
        };
    }
}
