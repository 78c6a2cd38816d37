namespace CredIr.Containment.Planning;

/// <summary>The stable verbs of containment steps (PlanStep.action).</summary>
internal static class StepActions
{
    public const string DeactivateAccessKey = "iam:UpdateAccessKey(Inactive)";
    public const string DeleteLoginProfile = "iam:DeleteLoginProfile";
    public const string ReviewMfaDevices = "manual:ReviewMfaDevices";
    public const string UserRevokeOlderSessions = "iam:PutUserPolicy(RevokeOlderSessions)";
    public const string UserDenyAll = "iam:PutUserPolicy(DenyAll)";
    public const string RoleRevokeOlderSessions = "iam:PutRolePolicy(AWSRevokeOlderSessions)";
    public const string RoleDenyAll = "iam:PutRolePolicy(DenyAll)";
    public const string LockTrustPolicy = "iam:UpdateAssumeRolePolicy(DenyAll)";
    public const string SecureRoot = "manual:SecureRootUser";
}
