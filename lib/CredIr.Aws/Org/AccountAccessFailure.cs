namespace CredIr.Aws;

/// <summary>An account that could not be entered, and why (an AWS error code, or AccountSuspended).</summary>
public sealed record AccountAccessFailure(string AccountId, string? AccountName, string Code, string Message);
