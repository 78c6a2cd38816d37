using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>
/// When plans are approved without a person: for incidents at or above a severity (e.g. contain
/// high-severity findings at once), and for incidents whose opener asked for it (a SOAR playbook)
/// when <see cref="AllowOnRequest"/> is set. Off by default: only an operator's configuration turns it
/// on, never a request. Every such approval names this policy.
/// </summary>
public sealed class AutoApprovePolicy
{
    public string Name { get; set; } = "auto-approve";

    /// <summary>Unspecified: severity alone never approves.</summary>
    public Severity MinSeverity { get; set; } = Severity.Unspecified;

    /// <summary>
    /// Which plan kinds may be approved automatically; empty means every kind. (Empty by default
    /// because configuration binding appends to a non-empty default instead of replacing it.)
    /// </summary>
    public PlanKind[] PlanKinds { get; set; } = [];

    /// <summary>Whether an incident opened with auto_approve gets it; when false such a request is refused.</summary>
    public bool AllowOnRequest { get; set; }

    /// <summary>Why an opener's request for automatic approval is refused, or null when the policy allows it.</summary>
    internal string? RefusalOf(bool asked, string section) => asked && !AllowOnRequest
        ? $"auto_approve: this coordinator's policy does not approve plans automatically on request ({section}:AutoApprove:AllowOnRequest is false). Open the incident without auto_approve and have an approver approve each plan, or ask the operator to enable the policy."
        : null;

    internal bool Applies(Incident incident, PlanKind kind) =>
        (PlanKinds.Length == 0 || PlanKinds.Contains(kind))
        && ((AllowOnRequest && incident.AutoApprove)
            || (MinSeverity != Severity.Unspecified && incident.Severity >= MinSeverity));
}
