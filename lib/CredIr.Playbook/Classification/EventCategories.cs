namespace CredIr.Playbook.Classification;

/// <summary>The seed's categories of API calls (playbook Part 3, step 4). A call may have several.</summary>
[Flags]
public enum EventCategories
{
    None = 0,
    SensitiveDataAccess = 1 << 0,
    ResourceCreation = 1 << 1,
    IdentityPersistence = 1 << 2,
    Creation = 1 << 3,
    Deletion = 1 << 4,
    Modification = 1 << 5,
    DefenseEvasion = 1 << 6,
    FailedAttempt = 1 << 7,
    Reconnaissance = 1 << 8,
    CredentialAccess = 1 << 9,
}
