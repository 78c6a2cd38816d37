namespace CredIr.Eradication.Trails;

/// <summary>
/// Where one unit of a query stands: an account-region page chain (LookupEvents, with its next token and
/// time segment), an Athena query execution, or a log file. A resumed query skips units marked done. Attribute: the LookupEvents attribute value (key id, user or session name) the chain looks up.
/// </summary>
public sealed record TrailCheckpoint(
    string Unit,
    string? AccountId,
    string? Region,
    DateTimeOffset? SegmentStart,
    DateTimeOffset? SegmentEnd,
    string? NextToken,
    bool Done,
    string? Attribute = null);
