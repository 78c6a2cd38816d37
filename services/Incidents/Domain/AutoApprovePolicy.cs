using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>
/// When plans are approved without a person: for incidents at or above a severity (e.g. contain
/// high-severity findings at once), and for incidents whose opener asked for it (a SOAR playbook)
/// when <see cref="AllowOnRequest"/> is set. Every such approval names this policy.
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

    public bool AllowOnRequest { get; set; } = true;

    internal bool Applies(Incident incident, PlanKind kind) =>
        (PlanKinds.Length == 0 || PlanKinds.Contains(kind))
        && ((AllowOnRequest && incident.AutoApprove)
            || (MinSeverity != Severity.Unspecified && incident.Severity >= MinSeverity));
}
