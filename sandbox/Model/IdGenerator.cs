using System.Security.Cryptography;

namespace CredIr.Sandbox.Model;

/// <summary>
/// Makes AWS-shaped identifiers. Seeded so a scenario replays the same ids, and a step can ask
/// for a fixed access key id so a scenario's ground truth can name the keys its actor creates.
/// </summary>
internal sealed class IdGenerator(int seed)
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private string? _nextAccessKeyId;

    /// <summary>The next access key id issued (AKIA or ASIA prefix replaced) will be this one.</summary>
    public void ReserveNextAccessKeyId(string? id)
    {
        lock (_gate)
        {
            _nextAccessKeyId = id;
        }
    }

    public string AccessKeyId(string prefix)
    {
        lock (_gate)
        {
            if (_nextAccessKeyId is { } reserved)
            {
                _nextAccessKeyId = null;
                return reserved;
            }
        }

        return prefix + Chars(Base32, 16);
    }

    public string UniqueId(string prefix) => prefix + Chars(Base32, 17);

    public string Secret() => Chars(SecretChars, 40);

    public string SessionToken() => "IQoJb3JpZ2luX2VjE" + Chars(SecretChars, 300);

    public string RequestId() => Guid().ToString();

    public Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string Hex(int length) => Chars("0123456789abcdef", length);

    public string Alnum(int length) => Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    /// <summary>Secret material for signing tokens, never derived from the seed.</summary>
    public static byte[] RandomKey() => RandomNumberGenerator.GetBytes(32);

    private string Chars(string alphabet, int length)
    {
        Span<char> chars = stackalloc char[length];
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }
        }

        return new string(chars);
    }
}
