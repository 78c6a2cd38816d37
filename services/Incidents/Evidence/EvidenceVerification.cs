namespace CredIr.Incidents.Evidence;

/// <summary>The outcome of walking an incident's evidence chain.</summary>
internal sealed record EvidenceVerification(bool Intact, long Entries, long FirstBadSequence, string Message, string HeadHash);
