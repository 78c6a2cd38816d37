namespace CredIr.Aws;

/// <summary>Gets findings by id (at most 50).</summary>
public sealed record GetFindingsRequest(string DetectorId, IReadOnlyList<string> FindingIds);
