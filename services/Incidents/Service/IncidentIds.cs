using System.Globalization;
using System.Security.Cryptography;

namespace CredIr.Incidents.Service;

/// <summary>Incident ids that sort by opening time and read well on a ticket: inc-20260301-120000-3fa9c1.</summary>
internal static class IncidentIds
{
    public static string New(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"inc-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
}
