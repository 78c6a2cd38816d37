using CredIr.Contracts.V1;

namespace CredIr.Containment.Planning;

/// <summary>A step to plan, with the principal the guard rails judge it by.</summary>
internal sealed record StepSpec(string Action, ResourceRef Target, string Description, bool Reversible, StepParameters Parameters)
{
    public string PrincipalType { get; init; } = "user";

    public string PrincipalName { get; init; } = string.Empty;

    public string PrincipalArn { get; init; } = string.Empty;

    public bool Manual { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
