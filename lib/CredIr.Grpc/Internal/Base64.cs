namespace CredIr.Grpc.Internal;

/// <summary>Binary metadata values: base64, with or without padding (both are legal on the wire).</summary>
internal static class Base64
{
    public static byte[]? TryDecode(string value)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
