using System.Globalization;
using System.Text;

namespace CredIr.Hosting;

/// <summary>
/// How an error message shows what a caller sent: at most a short prefix, with control and non-ASCII
/// characters escaped, so that a refusal neither echoes megabytes back (grpc-message travels in a
/// header, and clients refuse headers past their metadata limit) nor breaks a terminal or a log line.
/// </summary>
public static class RpcText
{
    /// <summary>The most characters of a caller's value an error message quotes.</summary>
    public const int QuotedPrefix = 64;

    /// <summary>The longest status message the hosts send (longer ones are cut, saying so).</summary>
    public const int MaxStatusMessage = 1024;

    /// <summary>'value' escaped, or its first <see cref="QuotedPrefix"/> characters and how long it was.</summary>
    public static string Quote(string? value)
    {
        value ??= string.Empty;
        var shown = value.Length <= QuotedPrefix ? value : value[..QuotedPrefix];
        var quoted = "'" + Escape(shown) + "'";
        return value.Length <= QuotedPrefix
            ? quoted
            : string.Create(CultureInfo.InvariantCulture, $"{quoted}... ({value.Length} characters)");
    }

    /// <summary>The text with control characters, quotes and non-ASCII as \uXXXX (printable ASCII kept).</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= ' ' and < (char)0x7F && c != '\'' && c != '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return builder.ToString();
    }

    /// <summary>A status message within <see cref="MaxStatusMessage"/> characters, control characters escaped.</summary>
    public static string Bound(string message)
    {
        var needsEscape = message.Any(char.IsControl);
        if (!needsEscape && message.Length <= MaxStatusMessage)
        {
            return message;
        }

        var builder = new StringBuilder(Math.Min(message.Length, MaxStatusMessage));
        foreach (var c in message)
        {
            if (builder.Length >= MaxStatusMessage - 32)
            {
                builder.Append(CultureInfo.InvariantCulture, $"... (cut from {message.Length} characters)");
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
