using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CredIr.Incidents.Evidence;

/// <summary>
/// SHA-256 over the previous entry's hash and this entry's canonical content. Each field is
/// length-prefixed, so moving text from one field to the next changes the hash.
/// </summary>
internal static class EvidenceHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(string previousHash, long sequence, DateTimeOffset at, string kind, string summary, string payloadJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, previousHash);
        AppendInt64(hash, sequence);
        AppendInt64(hash, at.ToUnixTimeMilliseconds());
        AppendText(hash, kind);
        AppendText(hash, summary);
        AppendText(hash, payloadJson);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendText(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
