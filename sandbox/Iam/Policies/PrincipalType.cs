namespace CredIr.Sandbox.Iam.Policies;

/// <summary>Who makes a request, as IAM distinguishes them.</summary>
public enum PrincipalType
{
    /// <summary>The account's root user (aws:PrincipalType "Account").</summary>
    Root,

    /// <summary>An IAM user, long-term keys or a GetSessionToken session.</summary>
    User,

    /// <summary>A role session from AssumeRole / AssumeRoleWithSAML / AssumeRoleWithWebIdentity.</summary>
    AssumedRole,

    /// <summary>A GetFederationToken session.</summary>
    FederatedUser,

    /// <summary>An AWS service (ec2.amazonaws.com ...) assuming a role; the principal's Arn is the service name.</summary>
    Service,

    /// <summary>A web identity (OIDC) caller of AssumeRoleWithWebIdentity; the principal's Arn is the provider.</summary>
    WebIdentity,

    /// <summary>A SAML caller of AssumeRoleWithSAML; the principal's Arn is the saml-provider ARN.</summary>
    Saml,
}
