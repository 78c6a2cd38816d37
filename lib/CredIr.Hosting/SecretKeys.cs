namespace CredIr.Hosting;

/// <summary>The deployment keys (approvals, service identity) as configured: base64 of at least 32 random bytes.</summary>
internal static class SecretKeys
{
    /// <summary>The key's bytes, or null when the text is not base64 of 32 bytes or more.</summary>
    public static byte[]? Decode(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written >= 32 ? bytes[..written] : null;
    }
}
