using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Closure;

/// <summary>A record made with a credential in scope: the actor's call, classified, with what it touched and made.</summary>
public sealed record AttributedEvent(
    CloudTrailRecord Record,
    EventClassification Classification,
    RecordFacts Facts,
    TrackedCredential Credential);
