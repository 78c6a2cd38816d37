using System.Security.Cryptography;
using System.Text;
using CredIr.Grpc;

namespace CredIr.Gateway.Auth;

/// <summary>
/// How the gateway tells a service who called: <see cref="CallerHeader"/> with the authenticated
/// subject and <see cref="KeyHeader"/> with the shared Gateway:CallerKey. The gateway strips both
/// from incoming requests; a service trusts the caller only when the key matches.
/// </summary>
public static class GatewayCaller
{
    public const string CallerHeader = "x-credir-caller";

    public const string KeyHeader = "x-credir-gateway-key";

    /// <summary>The caller the gateway vouched for, or null when the key is missing or wrong.</summary>
    public static string? Resolve(Metadata headers, string callerKey)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var key = headers.GetValue(KeyHeader);
        var caller = headers.GetValue(CallerHeader);
        if (key is null || caller is null || string.IsNullOrEmpty(callerKey))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(callerKey)) ? caller : null;
    }
}
