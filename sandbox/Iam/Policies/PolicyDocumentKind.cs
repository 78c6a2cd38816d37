namespace CredIr.Sandbox.Iam.Policies;

/// <summary>Where a policy document is used, which decides the elements IAM requires or refuses in it.</summary>
public enum PolicyDocumentKind
{
    /// <summary>Inline or managed policy of a user, group or role; also permissions boundaries and session policies. No Principal.</summary>
    Identity,

    /// <summary>A role's trust policy (AssumeRolePolicyDocument): Principal required, no Resource.</summary>
    Trust,

    /// <summary>A resource-based policy (bucket policy, function policy): Principal required.</summary>
    Resource,

    /// <summary>An Organizations service control policy. No Principal.</summary>
    ServiceControl,
}
