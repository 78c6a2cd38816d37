using System.Text.Encodings.Web;
using System.Text.Json;

namespace CredIr.Sandbox.Hosting;

/// <summary>JSON written as AWS writes it: '+', '&lt;' and non-ASCII left as they are, not \u-escaped.</summary>
internal static class JsonText
{
    public static JsonSerializerOptions Relaxed { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
