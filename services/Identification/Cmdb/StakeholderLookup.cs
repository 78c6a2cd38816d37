using CredIr.Contracts.V1;

namespace CredIr.Identification.Cmdb;

/// <summary>The stakeholders found, the applications involved (with why), and the communications checklist.</summary>
public sealed record StakeholderLookup(
    IReadOnlyList<Stakeholder> Stakeholders,
    IReadOnlyList<string> Applications,
    IReadOnlyList<CommunicationItem> Communications)
{
    /// <summary>Names asked for that the CMDB does not hold, and resources no application claims.</summary>
    public IReadOnlyList<string> Unmatched { get; init; } = [];
}
