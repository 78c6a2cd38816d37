namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>How a Principal element named the caller; it decides whether identity policies must allow too.</summary>
internal enum PrincipalMatch
{
    None,

    /// <summary>The caller's account (123456789012 or arn:aws:iam::123456789012:root): a delegation to its identity policies.</summary>
    Account,

    /// <summary>The role a session belongs to.</summary>
    Role,

    /// <summary>The caller itself: its user, session or federated-user ARN.</summary>
    Principal,

    /// <summary>"*": anyone.</summary>
    Everyone,

    /// <summary>The calling AWS service.</summary>
    Service,

    /// <summary>The caller's web identity or SAML provider.</summary>
    Federated,
}
