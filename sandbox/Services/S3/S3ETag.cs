using System.Security.Cryptography;

namespace CredIr.Sandbox.Services.S3;

internal static class S3ETag
{
    // S3 defines a single-part object's ETag as the MD5 of its content: a checksum, not a security use.
#pragma warning disable CA5351
    public static string Of(byte[] data) => "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";
#pragma warning restore CA5351
}
