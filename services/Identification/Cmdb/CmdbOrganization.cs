namespace CredIr.Identification.Cmdb;

/// <summary>Organisation-wide contacts (playbook Part 1, steps 8 and 9).</summary>
public sealed record CmdbOrganization
{
    public IReadOnlyList<CmdbContact> Security { get; init; } = [];

    public IReadOnlyList<CmdbContact> Legal { get; init; } = [];

    /// <summary>Those who make public and external statements.</summary>
    public IReadOnlyList<CmdbContact> Communications { get; init; } = [];

    public IReadOnlyList<CmdbRegulator> Regulators { get; init; } = [];

    /// <summary>Open databases, agencies or NGOs that track this activity (step 9.4), for the responder to consider.</summary>
    public IReadOnlyList<CmdbContact> PublicReporting { get; init; } = [];
}
