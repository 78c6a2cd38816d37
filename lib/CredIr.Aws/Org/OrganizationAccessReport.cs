namespace CredIr.Aws;

/// <summary>The accounts entered and those that could not be, each with its reason.</summary>
public sealed record OrganizationAccessReport(IReadOnlyList<AccountSession> Entered, IReadOnlyList<AccountAccessFailure> NotEntered);
