namespace CredIr.Playbook.Extraction;

/// <summary>What a record did to a resource it names.</summary>
public enum ChangeKind
{
    /// <summary>Read it (or the call failed, so nothing changed).</summary>
    Read,
    Created,
    Modified,
    Deleted,
    /// <summary>Named by a mutating call that changed something else (the policy in AttachUserPolicy).</summary>
    Referenced,
}
