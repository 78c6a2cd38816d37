namespace CredIr.Recovery.Planning;

/// <summary>What part of a resource the actor changed: each becomes one recovery item.</summary>
internal enum Aspect
{
    /// <summary>A managed policy's default version (CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicyVersion).</summary>
    PolicyDefault,
    /// <summary>A role's trust policy (UpdateAssumeRolePolicy).</summary>
    TrustPolicy,
    /// <summary>An inline policy of a user or role the actor deleted or overwrote.</summary>
    InlinePolicy,
    /// <summary>An IAM user or role the actor deleted.</summary>
    Principal,
    /// <summary>A managed policy the actor attached to or detached from an existing user, role or group.</summary>
    Attachment,
    /// <summary>An S3 object the actor deleted or overwrote.</summary>
    Object,
    /// <summary>An EC2 instance the actor changed.</summary>
    Instance,
    /// <summary>An S3 bucket the actor deleted.</summary>
    Bucket,
    /// <summary>Anything else modified or deleted: a person restores it.</summary>
    Other,
}
