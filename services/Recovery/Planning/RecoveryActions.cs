namespace CredIr.Recovery.Planning;

/// <summary>The step actions recovery plans and executes (stable verbs, as the journal records them).</summary>
internal static class RecoveryActions
{
    public const string Manual = "manual:Task";
    public const string SetDefaultPolicyVersion = "iam:SetDefaultPolicyVersion";
    public const string UpdateAssumeRolePolicy = "iam:UpdateAssumeRolePolicy";
    public const string PutUserPolicy = "iam:PutUserPolicy";
    public const string PutRolePolicy = "iam:PutRolePolicy";
    public const string CreateUser = "iam:CreateUser";
    public const string CreateRole = "iam:CreateRole";
    public const string AttachUserPolicy = "iam:AttachUserPolicy";
    public const string AttachRolePolicy = "iam:AttachRolePolicy";
    public const string AddUserToGroup = "iam:AddUserToGroup";
    public const string RemoveDeleteMarker = "s3:DeleteObjectVersion(delete marker)";
    public const string CopyObjectVersion = "s3:CopyObject(prior version)";
    public const string CreateBucket = "s3:CreateBucket";
    public const string PutBucketVersioning = "s3:PutBucketVersioning";
    public const string TerminateInstance = "ec2:TerminateInstances(replace)";
    public const string TagUser = "iam:TagUser";
    public const string TagRole = "iam:TagRole";
    public const string PutUserPermissionsBoundary = "iam:PutUserPermissionsBoundary";
    public const string PutRolePermissionsBoundary = "iam:PutRolePermissionsBoundary";
    public const string CreateIsolationGroup = "ec2:CreateSecurityGroup(isolation)";
    public const string IsolateInstance = "ec2:ModifyInstanceAttribute(isolation group)";
    public const string ProtectInstance = "ec2:ModifyInstanceAttribute(disableApiTermination)";
    public const string SnapshotVolumes = "ec2:CreateSnapshot(forensics)";
}
