using System.Buffers;
using System.Text;

namespace CredIr.Grpc.Internal;

/// <summary>
/// grpc-message encoding: UTF-8 bytes outside printable ASCII (0x20-0x7E), and '%' itself, become
/// %XX. Decoding is lenient: a malformed escape is kept as it is, as the spec asks.
/// </summary>
internal static class PercentEncoding
{
    public static string Encode(string message)
    {
        var clean = true;
        foreach (var c in message)
        {
            if (c is < ' ' or > '~' or '%')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return message;
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E or (byte)'%')
            {
                builder.Append('%').Append(Convert.ToHexString([b]));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(value.Length);
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    bytes[count++] = Convert.ToByte(value.Substring(i + 1, 2), 16);
                    i += 2;
                }
                else
                {
                    bytes[count++] = (byte)value[i];
                }
            }

            return Encoding.UTF8.GetString(bytes, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
