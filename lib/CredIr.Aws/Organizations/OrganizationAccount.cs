namespace CredIr.Aws;

/// <summary>A member account.</summary>
public sealed record OrganizationAccount(string Id, string Arn, string Name, string? Email, string Status, string? JoinedMethod, DateTimeOffset? JoinedTimestamp);
