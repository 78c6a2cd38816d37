namespace CredIr.Containment;

/// <summary>Configuration of the containment service (section "Containment").</summary>
public sealed class ContainmentServiceOptions
{
    public const string SectionName = "Containment";

    /// <summary>
    /// Principals containment refuses to touch (break-glass roles, the response tooling's own roles),
    /// as ARNs or ARN patterns with '*' and '?', each with the reason shown in the plan.
    /// </summary>
    public List<ProtectedPrincipal> ProtectedPrincipals { get; } = [];

    /// <summary>The role entered in member accounts (the scope's response_role_name wins).</summary>
    public string ResponseRoleName { get; set; } = "OrganizationAccountAccessRole";

    /// <summary>How far back the blast radius looks for legitimate callers of a role.</summary>
    public TimeSpan LegitimateCallerLookback { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Watch window of a verification when the request gives none.</summary>
    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Poll interval of a verification when the request gives none.</summary>
    public TimeSpan VerificationPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>CloudTrail's delivery delay allowed for after the window when the request gives none.</summary>
    public TimeSpan VerificationDeliveryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
