namespace CredIr.Aws;

/// <summary>How the response role is assumed in each member account.</summary>
public sealed class OrganizationSessionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Aws:Organization";

    /// <summary>The role assumed in member accounts (AWS Organizations creates OrganizationAccountAccessRole in accounts it creates).</summary>
    public string RoleName { get; set; } = "OrganizationAccountAccessRole";

    /// <summary>The IAM path of the role.</summary>
    public string RolePath { get; set; } = "/";

    /// <summary>The ExternalId the role's trust policy asks for, if any.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Requested session length (role chaining caps it at one hour).</summary>
    public TimeSpan SessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A session is renewed this long before it expires.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many accounts are entered at once.</summary>
    public int MaxParallelism { get; set; } = 8;
}
