namespace CredIr.Aws;

/// <summary>The findings.</summary>
public sealed record GetFindingsResponse(IReadOnlyList<GuardDutyFinding> Findings, string? RequestId);
