using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.CloudTrail;

/// <summary>
/// LookupEvents' opaque NextToken: the position after the last event returned, bound to the
/// query it came from and signed, so a tampered or transplanted token is refused as AWS refuses it.
/// Each token is new, even for the same position (an empty page resumes where it started): SDK paginators
/// stop with an error on a token received twice.
/// </summary>
internal sealed class PageToken(byte[] key)
{
    // Time, sequence, and eight random bytes.
    private const int Payload = 24;

    public string Create(DateTimeOffset time, long sequence, string query)
    {
        var payload = new byte[Payload];
        BinaryPrimitives.WriteInt64BigEndian(payload, time.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8), sequence);
        RandomNumberGenerator.Fill(payload.AsSpan(16));
        var mac = Mac(payload, query);
        return Convert.ToBase64String([.. payload, .. mac]);
    }

    public (DateTimeOffset Time, long Sequence) Read(string token, string query)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (bytes.Length != Payload + 32 || !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, Payload).ToArray(), query), bytes.AsSpan(Payload)))
        {
            throw Invalid();
        }

        return (new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)));
    }

    private byte[] Mac(byte[] payload, string query) => HMACSHA256.HashData(key, payload.Concat(Encoding.UTF8.GetBytes(query)).ToArray());

    private static AwsServiceException Invalid() => new("InvalidNextTokenException", "Invalid NextToken.", 400);
}
