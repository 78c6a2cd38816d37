using CredIr.Contracts.V1;

namespace CredIr.Containment.Planning;

/// <summary>A credential of the request, validated and with what its steps act on.</summary>
internal sealed record ContainmentTarget(int Index, Credential Credential, CredentialKind Kind)
{
    public string AccountId { get; init; } = string.Empty;

    public string? UserName { get; init; }

    public string? RoleName { get; init; }

    public string? SessionName { get; init; }

    public string? AccessKeyId => string.IsNullOrEmpty(Credential.AccessKeyId) ? null : Credential.AccessKeyId;

    public string Field => $"credentials[{Index}]";
}
