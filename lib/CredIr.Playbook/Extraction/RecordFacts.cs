namespace CredIr.Playbook.Extraction;

/// <summary>What one record touched and which credentials it created or revealed.</summary>
public sealed record RecordFacts(ChangeKind Change, IReadOnlyList<TouchedResource> Resources, IReadOnlyList<DerivedCredential> Credentials);
