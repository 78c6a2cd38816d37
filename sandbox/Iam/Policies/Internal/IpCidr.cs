using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// A CIDR block for IpAddress / NotIpAddress, IPv4 or IPv6. A bare address is a /32 or /128. Host bits
/// after the prefix are ignored rather than refused, as IAM accepts "203.0.113.7/24".
/// </summary>
internal sealed class IpCidr
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private IpCidr(byte[] network, int prefix)
    {
        _network = network;
        _prefix = prefix;
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out IpCidr? cidr)
    {
        cidr = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText.Trim(), out var address))
        {
            return false;
        }

        var bytes = Normalize(address).GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
            || prefix > bytes.Length * 8))
        {
            return false;
        }

        cidr = new IpCidr(bytes, prefix);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        var bytes = Normalize(address).GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        var fullBytes = _prefix / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (bytes[i] != _network[i])
            {
                return false;
            }
        }

        var remainingBits = _prefix % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (bytes[fullBytes] & mask) == (_network[fullBytes] & mask);
    }

    // A client reaching a dual-stack socket shows up as ::ffff:a.b.c.d; policies are written in IPv4.
    private static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
