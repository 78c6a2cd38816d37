using CredIr.Contracts.V1;

namespace CredIr.Reports.Building;

/// <summary>The containment level in words, one wording for the coordinator's timeline and the report.</summary>
public static class ContainmentLevel
{
    /// <summary>The measures applied: the playbook's default, plus deny-all and a locked trust policy when asked for.</summary>
    public static string Describe(ContainmentOptions? options)
    {
        var measures = new List<string> { "keys Inactive, older sessions revoked" };
        if (options?.DenyAll == true)
        {
            measures.Add("deny-all on each contained user and role");
        }

        if (options?.LockTrustPolicy == true)
        {
            measures.Add("trust policy of each contained role locked");
        }

        return string.Join(", ", measures);
    }

    /// <summary>True when the options ask for more than the default.</summary>
    public static bool IsEscalated(ContainmentOptions? options) => options is { DenyAll: true } or { LockTrustPolicy: true };
}
