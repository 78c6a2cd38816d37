namespace CredIr.Identification.Cmdb;

/// <summary>An application entry: who owns it and how to recognise its accounts and resources.</summary>
public sealed record CmdbApplication
{
    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyList<CmdbContact> Owners { get; init; } = [];

    /// <summary>Technical teams and developers (playbook Part 1, step 8.3).</summary>
    public IReadOnlyList<CmdbContact> TechnicalContacts { get; init; } = [];

    /// <summary>Accounts the application runs in.</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = [];

    /// <summary>Values of the application tag keys that mean this application (besides its name).</summary>
    public IReadOnlyList<string> TagValues { get; init; } = [];

    /// <summary>ARNs of its resources; '*' matches any run of characters.</summary>
    public IReadOnlyList<string> ResourceArns { get; init; } = [];

    /// <summary>Kinds of data it holds (e.g. "personal", "payment-card"), matched against regulators.</summary>
    public IReadOnlyList<string> DataClassifications { get; init; } = [];

    /// <summary>Where its users or data are (e.g. "EU", "US-CA"), matched against regulators.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    /// <summary>Where its risk register lives (playbook Part 1, step 8.1), for the responder.</summary>
    public string? RiskRegister { get; init; }
}
