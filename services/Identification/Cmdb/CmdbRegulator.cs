namespace CredIr.Identification.Cmdb;

/// <summary>
/// Who in the organisation reports to a regulator or law enforcement, and when that is required.
/// A regulator with neither jurisdictions nor data classifications is listed for every incident.
/// </summary>
public sealed record CmdbRegulator
{
    public string Name { get; init; } = "";

    /// <summary>The internal person or team responsible for the report.</summary>
    public string Contact { get; init; } = "";

    public string Jurisdiction { get; init; } = "";

    /// <summary>The rule in words, e.g. "personal data of EU residents may have been accessed: report within 72 hours".</summary>
    public string RequiredWhen { get; init; } = "";

    /// <summary>Applications in these jurisdictions bring this regulator in.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    /// <summary>Applications holding these kinds of data bring this regulator in.</summary>
    public IReadOnlyList<string> DataClassifications { get; init; } = [];
}
