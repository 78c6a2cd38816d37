using System.Security.Cryptography;
using System.Text;

namespace CredIr.Hosting;

/// <summary>
/// How a trusted front (the gateway) tells a service who called: <see cref="Caller"/> with the
/// authenticated person and <see cref="Key"/> with a secret shared with the services
/// (<see cref="CredIrGrpcOptions.CallerKey"/>). A server believes the caller only when the key
/// matches; the front strips both headers from what its own clients send.
/// </summary>
public static class CallerHeaders
{
    public const string Caller = "x-credir-caller";

    public const string Key = "x-credir-gateway-key";

    /// <summary>The caller vouched for by <paramref name="key"/>, or null when either is missing or the key is wrong.</summary>
    public static string? Resolve(string? caller, string? key, string? expectedKey)
    {
        if (string.IsNullOrEmpty(caller) || string.IsNullOrEmpty(key) || string.IsNullOrEmpty(expectedKey))
        {
            return null;
        }

        // Constant time: the comparison must not tell a prober how much of the key it guessed.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expectedKey)) ? caller : null;
    }
}
