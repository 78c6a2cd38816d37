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

    /// <summary>
    /// Other response roles a request may choose by name (scope.response_role_name): the role name, and the ExternalId
    /// its trust policy asks for (empty for none). A request never names a role or an ExternalId of its own.
    /// </summary>
    public Dictionary<string, string> ResponseRoles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// These options for the response role a request chose (empty: <see cref="RoleName"/>), or null with the reason when the
    /// request names a role not configured or brings an ExternalId: both come from configuration only.
    /// </summary>
    public OrganizationSessionOptions? ForRequest(string? roleName, string? externalId, out string refusal)
    {
        refusal = string.Empty;
        if (!string.IsNullOrEmpty(externalId))
        {
            refusal = "scope.external_id: the external id comes from this service's configuration (Aws:Organization:ExternalId, Aws:Organization:ResponseRoles); leave it empty.";
            return null;
        }

        string? chosenExternalId;
        if (string.IsNullOrEmpty(roleName) || string.Equals(roleName, RoleName, StringComparison.Ordinal))
        {
            chosenExternalId = ExternalId;
        }
        else if (ResponseRoles.TryGetValue(roleName, out var configured))
        {
            chosenExternalId = string.IsNullOrEmpty(configured) ? null : configured;
        }
        else
        {
            refusal = $"scope.response_role_name: '{roleName}' is not a response role this service is configured with; leave it empty for {RoleName}, or choose one of Aws:Organization:ResponseRoles.";
            return null;
        }

        return new OrganizationSessionOptions
        {
            RoleName = string.IsNullOrEmpty(roleName) ? RoleName : roleName,
            RolePath = RolePath,
            ExternalId = chosenExternalId,
            SessionDuration = SessionDuration,
            RefreshBefore = RefreshBefore,
            MaxParallelism = MaxParallelism,
            ResponseRoles = ResponseRoles,
        };
    }
}
