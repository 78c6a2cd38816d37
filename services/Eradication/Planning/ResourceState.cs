namespace CredIr.Eradication.Planning;

/// <summary>
/// What exists now of a resource the actor created, as far as its deletion needs to know
/// (the parts that must go first). Collections not relevant to a type stay empty.
/// </summary>
public sealed record ResourceState
{
    public static ResourceState Gone { get; } = new() { Exists = false };

    public bool Exists { get; init; } = true;
    /// <summary>Managed policy ARNs attached (users, roles, groups).</summary>
    public IReadOnlyList<string> AttachedPolicies { get; init; } = [];
    public IReadOnlyList<string> InlinePolicies { get; init; } = [];
    public IReadOnlyList<string> AccessKeys { get; init; } = [];
    public bool HasLoginProfile { get; init; }
    /// <summary>MFA device serial numbers (ARNs for virtual devices).</summary>
    public IReadOnlyList<string> MfaDevices { get; init; } = [];
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<string> SigningCertificates { get; init; } = [];
    public IReadOnlyList<string> SshPublicKeys { get; init; } = [];
    public IReadOnlyList<string> ServiceSpecificCredentials { get; init; } = [];
    /// <summary>Instance profiles a role is in.</summary>
    public IReadOnlyList<string> InstanceProfiles { get; init; } = [];
    /// <summary>Roles an instance profile holds.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>For a customer managed policy: the users, roles and groups it is attached to ("user/x", "role/y", "group/z").</summary>
    public IReadOnlyList<string> AttachedTo { get; init; } = [];
    /// <summary>For a customer managed policy: its non-default version ids (deleted before the policy).</summary>
    public IReadOnlyList<string> PolicyVersions { get; init; } = [];
    /// <summary>For an access key or a login profile: the IAM user it belongs to; for a virtual MFA device: the user it is enabled for (null while unassigned).</summary>
    public string? Owner { get; init; }
    /// <summary>For a bucket: whether it holds objects (or versions).</summary>
    public bool HasObjects { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
