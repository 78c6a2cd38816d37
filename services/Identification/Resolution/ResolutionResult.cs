namespace CredIr.Identification.Resolution;

/// <summary>Every credential an input resolved to, the accounts involved, and what could not be resolved.</summary>
public sealed record ResolutionResult(IReadOnlyList<ResolvedCredential> Credentials, IReadOnlyList<string> AccountIds, IReadOnlyList<string> Warnings);
