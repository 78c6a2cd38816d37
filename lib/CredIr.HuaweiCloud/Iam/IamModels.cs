using System.Text.Json.Serialization;

namespace CredIr.HuaweiCloud.Iam;

/// <summary>A permanent access key (IAM v3.0 OS-CREDENTIAL credential): owner, status, times.</summary>
public sealed record AccessKeyInfo
{
    public required string Access { get; init; }
    public required string UserId { get; init; }
    /// <summary>"active" or "inactive".</summary>
    public required string Status { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    /// <summary>GET of one key only; Huawei gives the creation time for a key never used.</summary>
    public DateTimeOffset? LastUseTime { get; init; }
    public string? Description { get; init; }

    [JsonIgnore]
    public bool IsActive => string.Equals(Status, "active", StringComparison.Ordinal);
}

/// <summary>A newly created permanent AK/SK (POST /v3.0/OS-CREDENTIAL/credentials).</summary>
public sealed record CreatedAccessKey(AccessKeyInfo Key, HuaweiCredentials Credentials);

/// <summary>An IAM user (GET /v3.0/OS-USER/users/{id}).</summary>
public sealed record IamUser
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string DomainId { get; init; }
    public bool Enabled { get; init; }
    public string? Description { get; init; }
    /// <summary>"default" (console and programmatic), "programmatic" or "console".</summary>
    public string? AccessMode { get; init; }
    public bool IsDomainOwner { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? LastLoginTime { get; init; }
}

/// <summary>Login protection of a user (PUT /v3.0/OS-USER/users/{id}/login-protect).</summary>
public sealed record LoginProtection
{
    public bool Enabled { get; init; }
    /// <summary>"sms", "email" or "vmfa".</summary>
    public string VerificationMethod { get; init; } = "vmfa";
    public string? UserId { get; init; }
}

/// <summary>A project, the per-region scope CTS traces live in (GET /v3/projects).</summary>
public sealed record IamProject
{
    public required string Id { get; init; }
    /// <summary>The region id for a region's default project (cn-north-4...).</summary>
    public required string Name { get; init; }
    public string? DomainId { get; init; }
    public bool Enabled { get; init; }
    public string? ParentId { get; init; }
}

/// <summary>A temporary AK/SK with its security token (POST /v3.0/OS-CREDENTIAL/securitytokens).</summary>
public sealed record TemporaryAccessKey(HuaweiCredentials Credentials, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"TemporaryAccessKey {{ AccessKeyId = {Credentials.AccessKeyId}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>Whom a temporary AK/SK is for: the caller itself (method "token") or an agency it assumes ("assume_role").</summary>
public sealed record TemporaryAccessKeyRequest
{
    /// <summary>Lifetime, 900 s to 24 h (Huawei's limits).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Set to assume an agency; null asks for the caller's own temporary AK/SK.</summary>
    public string? AgencyName { get; init; }
    /// <summary>The agency's account (domain) name, with <see cref="AgencyName"/>.</summary>
    public string? DomainName { get; init; }
}
