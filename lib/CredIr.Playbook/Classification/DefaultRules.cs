using static CredIr.Playbook.Classification.EventCategories;

namespace CredIr.Playbook.Classification;

/// <summary>
/// The rules table (playbook Part 3, step 4), one row per rule: name, eventSource, eventName, categories,
/// optional condition. Every matching row applies; a record's categories are the union. Specific rows
/// first, then the generic verb rows that give every mutating call a creation/deletion/modification.
/// </summary>
public static class DefaultRules
{
    private const string Any = "*";
    private const string Iam = "iam.amazonaws.com";
    private const string Sts = "sts.amazonaws.com";
    private const string Ec2 = "ec2.amazonaws.com";
    private const string S3 = "s3.amazonaws.com";
    private const string Lambda = "lambda.amazonaws.com";
    private const string CloudTrail = "cloudtrail.amazonaws.com";
    private const string Ssm = "ssm.amazonaws.com";

    public static IReadOnlyList<ClassificationRule> All { get; } =
    [
        // Sensitive data access
        new("S3ObjectRead", S3, "GetObject", SensitiveDataAccess),
        new("SecretRead", "secretsmanager.amazonaws.com", "GetSecretValue", SensitiveDataAccess | CredentialAccess),
        new("SecretBatchRead", "secretsmanager.amazonaws.com", "BatchGetSecretValue", SensitiveDataAccess | CredentialAccess),
        new("DecryptedParameterRead", Ssm, "GetParameter*", SensitiveDataAccess | CredentialAccess, RuleCondition.RequestEquals("withDecryption", "true")),
        new("ParameterRead", Ssm, "GetParameter*", SensitiveDataAccess),
        new("KmsDecrypt", "kms.amazonaws.com", "Decrypt", SensitiveDataAccess),
        new("Ec2WindowsPassword", Ec2, "GetPasswordData", SensitiveDataAccess | CredentialAccess),
        new("Ec2UserData", Ec2, "DescribeInstanceAttribute", SensitiveDataAccess, RuleCondition.RequestEquals("attribute", "userData")),
        new("DatabaseSecretRead", "rds.amazonaws.com", "DownloadDBLogFilePortion", SensitiveDataAccess),
        new("SharedSnapshotUsed", Ec2, "SharedSnapshot*", SensitiveDataAccess),
        new("ModelInvocation", "bedrock.amazonaws.com", "InvokeModel*", SensitiveDataAccess | ResourceCreation),

        // Resource creation (compute and services that create resources on the actor's behalf)
        new("Ec2Instances", Ec2, "RunInstances", ResourceCreation | Creation),
        new("Ec2SpotFleet", Ec2, "RequestSpotFleet", ResourceCreation | Creation),
        new("Ec2SpotInstances", Ec2, "RequestSpotInstances", ResourceCreation | Creation),
        new("Ec2Fleet", Ec2, "CreateFleet", ResourceCreation),
        new("Ec2LaunchTemplate", Ec2, "CreateLaunchTemplate*", ResourceCreation),
        new("AutoScaling", "autoscaling.amazonaws.com", "Create*", ResourceCreation),
        new("LambdaFunction", Lambda, "CreateFunction*", ResourceCreation),
        new("EksCluster", "eks.amazonaws.com", "Create*", ResourceCreation),
        new("EcsCluster", "ecs.amazonaws.com", "Create*", ResourceCreation),
        new("EcsTask", "ecs.amazonaws.com", "RunTask", ResourceCreation | Creation),
        new("RdsDatabase", "rds.amazonaws.com", "Create*", ResourceCreation),
        new("S3Bucket", S3, "CreateBucket", ResourceCreation),
        new("BedrockModelAgreement", "bedrock.amazonaws.com", "Create*FoundationModel*", ResourceCreation),
        new("BedrockModelEntitlement", "bedrock.amazonaws.com", "Put*FoundationModel*", ResourceCreation),

        // Identity and persistence (the seed's list)
        new("CreateUser", Iam, "CreateUser", IdentityPersistence),
        new("CreateRole", Iam, "CreateRole", IdentityPersistence),
        new("AccessKey", Iam, "CreateAccessKey", IdentityPersistence | CredentialAccess),
        new("LoginProfile", Iam, "*LoginProfile", IdentityPersistence),
        new("AssumeRole", Sts, "AssumeRole*", IdentityPersistence),
        new("TokenIssue", Sts, "Get*Token", IdentityPersistence | CredentialAccess),
        new("AttachPolicy", Any, "Attach*Policy", IdentityPersistence),
        new("PutPolicy", Any, "Put*Policy", IdentityPersistence),
        new("PolicyVersion", Iam, "*PolicyVersion", IdentityPersistence),
        new("TrustPolicy", Iam, "UpdateAssumeRolePolicy", IdentityPersistence),
        new("InstanceProfile", Iam, "*RoleToInstanceProfile", IdentityPersistence),
        new("PassRoleToInstance", Ec2, "RunInstances", IdentityPersistence, RuleCondition.RequestHas("iamInstanceProfile")),
        new("PassRoleToInstanceAssociate", Ec2, "*IamInstanceProfile*", IdentityPersistence),
        new("PassRoleToFunction", Lambda, "*Function*", IdentityPersistence, RuleCondition.RequestHas("role")),
        new("Image", Any, "*Image*", IdentityPersistence, RuleCondition.Mutating),
        new("Provider", Any, "*Provider", IdentityPersistence, RuleCondition.Mutating),
        new("Tag", Any, "Tag*", IdentityPersistence),
        new("Untag", Any, "Untag*", IdentityPersistence),
        new("GroupMembership", Iam, "AddUserToGroup", IdentityPersistence),
        new("MfaDevice", Iam, "*MFADevice", IdentityPersistence),
        new("SshKey", Iam, "UploadSSHPublicKey", IdentityPersistence),
        new("ServiceCredential", Iam, "CreateServiceSpecificCredential", IdentityPersistence | CredentialAccess),
        new("RolesAnywhere", "rolesanywhere.amazonaws.com", "Create*", IdentityPersistence),
        new("ResourcePolicyPermission", Lambda, "AddPermission*", IdentityPersistence),
        new("ConsoleLogin", "signin.amazonaws.com", "ConsoleLogin", IdentityPersistence),
        new("ConsoleSignInStep", "signin.amazonaws.com", "CheckMfa", IdentityPersistence),
        new("InstanceSshKey", "ec2-instance-connect.amazonaws.com", "Send*SSHPublicKey", IdentityPersistence | CredentialAccess),
        new("SerialConsole", Ec2, "EnableSerialConsoleAccess", IdentityPersistence),
        new("SharedWithOtherAccounts", Any, "Modify*Attribute", IdentityPersistence, RuleCondition.RequestHas("createVolumePermission")),
        new("SnapshotShared", "rds.amazonaws.com", "ModifyDBSnapshotAttribute", IdentityPersistence),
        new("SecurityGroupOpened", Ec2, "AuthorizeSecurityGroupIngress", IdentityPersistence),

        // Credential access
        new("RemoteCommand", Ssm, "SendCommand", CredentialAccess),
        new("RemoteSession", Ssm, "StartSession", CredentialAccess),

        // Defense evasion
        new("StopLogging", CloudTrail, "StopLogging", DefenseEvasion),
        new("DeleteTrail", CloudTrail, "DeleteTrail", DefenseEvasion),
        new("UpdateTrail", CloudTrail, "UpdateTrail", DefenseEvasion),
        new("EventSelectors", CloudTrail, "Put*Selectors", DefenseEvasion),
        new("DeleteDetector", "guardduty.amazonaws.com", "Delete*", DefenseEvasion),
        new("GuardDutyFilter", "guardduty.amazonaws.com", "*Filter", DefenseEvasion),
        new("DisableGuardDuty", "guardduty.amazonaws.com", "UpdateDetector", DefenseEvasion),
        new("DisableSecurityHub", "securityhub.amazonaws.com", "Disable*", DefenseEvasion),
        new("DeleteFlowLogs", Ec2, "DeleteFlowLogs", DefenseEvasion),
        new("DeleteDnsLogs", "route53resolver.amazonaws.com", "DeleteResolverQueryLog*", DefenseEvasion),
        new("LeaveOrganization", "organizations.amazonaws.com", "LeaveOrganization", DefenseEvasion),
        new("ConfigRecorder", "config.amazonaws.com", "Stop*", DefenseEvasion),
        new("ConfigDelete", "config.amazonaws.com", "Delete*", DefenseEvasion),
        new("LogGroupDelete", "logs.amazonaws.com", "Delete*", DefenseEvasion),
        new("TrailBucketLifecycle", S3, "PutBucketLifecycle", DefenseEvasion, RuleCondition.OnTrailBucket),
        new("TrailBucketPolicy", S3, "*BucketPolicy", DefenseEvasion, RuleCondition.OnTrailBucket),
        new("TrailBucketDelete", S3, "Delete*", DefenseEvasion, RuleCondition.OnTrailBucket),

        // Reconnaissance: read-only discovery calls
        new("WhoAmI", Sts, "Get*CallerIdentity", Reconnaissance),
        new("AccessKeyInfo", Sts, "GetAccessKeyInfo", Reconnaissance),
        new("Describe", Any, "Describe*", Reconnaissance),
        new("List", Any, "List*", Reconnaissance),
        new("AccountAuthorizationDetails", Iam, "GetAccountAuthorizationDetails", Reconnaissance),
        new("TrailLookup", CloudTrail, "LookupEvents", Reconnaissance),

        // Failed attempts
        new("Failed", Any, Any, FailedAttempt, RuleCondition.Failed),

        // Generic verbs: every mutating call is at least a creation, deletion or modification
        new("Create", Any, "Create*", Creation),
        new("Allocate", Any, "Allocate*", Creation),
        new("Register", Any, "Register*", Creation),
        new("Import", Any, "Import*", Creation),
        new("Copy", Any, "Copy*", Creation),
        new("Request", Any, "Request*", Creation),
        new("Run", Any, "Run*", Creation),
        new("Delete", Any, "Delete*", Deletion),
        new("Terminate", Any, "Terminate*", Deletion),
        new("Deregister", Any, "Deregister*", Deletion),
        new("Release", Any, "Release*", Deletion),
        new("Remove", Any, "Remove*", Deletion | Modification),
        new("Update", Any, "Update*", Modification),
        new("Modify", Any, "Modify*", Modification),
        new("Put", Any, "Put*", Modification),
        new("Attach", Any, "Attach*", Modification),
        new("Detach", Any, "Detach*", Modification),
        new("Associate", Any, "Associate*", Modification),
        new("Disassociate", Any, "Disassociate*", Modification),
        new("Authorize", Any, "Authorize*", Modification),
        new("Revoke", Any, "Revoke*", Modification),
        new("Add", Any, "Add*", Modification),
        new("Set", Any, "Set*", Modification),
        new("Enable", Any, "Enable*", Modification),
        new("Disable", Any, "Disable*", Modification),
        new("Start", Any, "Start*", Modification),
        new("Stop", Any, "Stop*", Modification),
        new("Reboot", Any, "Reboot*", Modification),
        new("Replace", Any, "Replace*", Modification),
        new("Reset", Any, "Reset*", Modification),
        new("Restore", Any, "Restore*", Modification),
        new("Send", Any, "Send*", Modification),
        new("End", Any, "End*", Modification),
        new("Leave", Any, "Leave*", Modification),
        new("Upload", Any, "Upload*", Modification),
    ];
}
