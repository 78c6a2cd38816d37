namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioOptions
{
    /// <summary>Record S3 object reads and writes as data events (log files only, never LookupEvents).</summary>
    public bool DataEvents { get; init; }
    /// <summary>How long after an event LookupEvents can see it ("0s"; AWS takes minutes: "5m").</summary>
    public string DeliveryDelay { get; init; } = "0s";
    /// <summary>ListAccounts answers an empty page carrying a NextToken before each real page, as AWS may.</summary>
    public bool EmptyOrganizationPages { get; init; }
    /// <summary>LookupEvents requests per second per account and region (AWS: 2). 0 turns the limit off.</summary>
    public double LookupEventsRateLimit { get; init; } = 2;
    /// <summary>
    /// How long a key set Inactive keeps working ("0s"). IAM is eventually consistent: AWS documents that a change can
    /// take a few seconds to apply everywhere, and a leaked key may still succeed just after it was deactivated.
    /// </summary>
    public string IamPropagationDelay { get; init; } = "0s";
    /// <summary>Name of the administrator user made in every account (keys reported on start-up).</summary>
    public string AdminUser { get; init; } = "sandbox-admin";
}
