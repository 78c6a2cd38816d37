namespace CredIr.Aws;

/// <summary>An organization.</summary>
public sealed record OrganizationInfo(string Id, string Arn, string? MasterAccountId, string? MasterAccountArn, string? MasterAccountEmail, string? FeatureSet);
