using CredIr.Playbook.Classification;
using static CredIr.Playbook.Classification.EventCategories;

namespace CredIr.Playbook.HuaweiCloud;

/// <summary>
/// The playbook's categories for Huawei Cloud CTS traces (eventSource is the trace's service_type, eventName its
/// trace_name, lowerCamel as CTS records them): the same seed's list as AWS's rows, in Huawei's names. A failed
/// trace is caught by the table's own "Failed" row.
/// </summary>
public static class HuaweiRules
{
    private const string Iam = "IAM";
    private const string Cts = "CTS";

    public static IReadOnlyList<ClassificationRule> All { get; } =
    [
        new("HuaweiCreateUser", Iam, "createUser", IdentityPersistence | Creation),
        new("HuaweiAccessKey", Iam, "createCredential", IdentityPersistence | CredentialAccess | Creation),
        new("HuaweiAgencyToken", Iam, "assumeRole", IdentityPersistence | CredentialAccess),
        new("HuaweiTemporaryAccessKey", Iam, "createSecurityToken", IdentityPersistence | CredentialAccess),
        new("HuaweiCustomPolicyCreated", Iam, "createRole", IdentityPersistence | Creation),
        new("HuaweiCustomPolicyChanged", Iam, "updateRole", IdentityPersistence | Modification),
        new("HuaweiUserChanged", Iam, "updateUser", IdentityPersistence | Modification),
        new("HuaweiLoginProtection", Iam, "*LoginProtect*", IdentityPersistence | Modification, RuleCondition.Mutating),
        new("HuaweiAccessKeyChanged", Iam, "updateCredential", Modification),
        new("HuaweiAccessKeyDeleted", Iam, "deleteCredential", Deletion),
        new("HuaweiTrackerChanged", Cts, "*Tracker", DefenseEvasion, RuleCondition.Mutating),
        new("HuaweiIamRecon", Iam, "list*", Reconnaissance),
        new("HuaweiCtsRecon", Cts, "list*", Reconnaissance),
        new("HuaweiOwnKey", Iam, "getCredential", Reconnaissance),
        new("HuaweiTraceRead", Cts, "listTraces", Reconnaissance | SensitiveDataAccess),
    ];
}
