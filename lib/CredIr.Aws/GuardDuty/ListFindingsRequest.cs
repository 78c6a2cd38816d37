namespace CredIr.Aws;

/// <summary>Lists finding ids of a detector; FindingCriteriaJson is the API's findingCriteria object.</summary>
public sealed record ListFindingsRequest(string DetectorId, string? FindingCriteriaJson = null, int? MaxResults = null);
