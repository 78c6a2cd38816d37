using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>One change of an eradication plan: a stable verb on a target, after the steps it depends on.</summary>
public sealed record PlannedStep(
    string Id,
    string Action,
    TouchedResource Target,
    string Description,
    bool Reversible,
    IReadOnlyList<string> DependsOn,
    string? Parameter = null,
    bool Manual = false);
