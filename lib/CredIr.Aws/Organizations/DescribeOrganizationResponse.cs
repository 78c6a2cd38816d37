namespace CredIr.Aws;

/// <summary>The organization the caller's account belongs to.</summary>
public sealed record DescribeOrganizationResponse(OrganizationInfo Organization, string? RequestId);
