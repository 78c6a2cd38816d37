using CredIr.Contracts.V1;

namespace CredIr.Containment.Planning;

/// <summary>A credential of the request, validated and with what its steps act on.</summary>
internal sealed record ContainmentTarget(int Index, Credential Credential, CredentialKind Kind)
{
    public string AccountId { get; init; } = string.Empty;

    public string? UserName { get; init; }

    public string? RoleName { get; init; }

    public string? SessionName { get; init; }

    /// <summary>An instance profile given instead of a role (a profile passed to an instance): its role is looked up.</summary>
    public string? InstanceProfileName { get; init; }

    public string? AccessKeyId => string.IsNullOrEmpty(Credential.AccessKeyId) ? null : Credential.AccessKeyId;

    public string Field => $"credentials[{Index}]";
}
