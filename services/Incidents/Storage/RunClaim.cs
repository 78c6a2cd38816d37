namespace CredIr.Incidents.Storage;

/// <summary>Who holds an incident's run claim after a claim attempt, and until when; <see cref="Granted"/> when it is the caller.</summary>
internal sealed record RunClaim(bool Granted, string Holder, DateTimeOffset ExpiresAt);
