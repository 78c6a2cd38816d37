using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>The containment level in words, for the timeline and the report.</summary>
internal static class ContainmentLevel
{
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

    public static bool IsEscalated(ContainmentOptions? options) => options is { DenyAll: true } or { LockTrustPolicy: true };
}
