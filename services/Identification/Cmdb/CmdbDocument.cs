using System.Text.Json;

namespace CredIr.Identification.Cmdb;

/// <summary>
/// The CMDB file: applications with their owners, accounts, tags and resources; organisation-wide contacts
/// (security, legal, communications) and regulators; and, for recovery, known-good resource configurations.
/// </summary>
public sealed record CmdbDocument
{
    /// <summary>Tag keys whose value names an application (matched ignoring case), e.g. "app", "Application".</summary>
    public IReadOnlyList<string> ApplicationTagKeys { get; init; } = ["app", "application"];

    public IReadOnlyList<CmdbApplication> Applications { get; init; } = [];

    public CmdbOrganization Organization { get; init; } = new();

    /// <summary>Known-good configuration by resource ARN (free-form JSON), read by recovery.</summary>
    public IReadOnlyDictionary<string, JsonElement> Resources { get; init; } = new Dictionary<string, JsonElement>();
}
