using System.CommandLine;

namespace CredIr.Cli.Client;

/// <summary>
/// Where the Incidents service is: <c>--server URL</c>, else <c>CREDIR_SERVER</c>, else the address
/// <c>credir serve</c> listens on by default.
/// </summary>
internal static class ServerAddress
{
    public const string Default = "http://127.0.0.1:5070";

    public const string EnvironmentVariable = "CREDIR_SERVER";

    public static Option<string?> CreateOption() => new("--server")
    {
        Description = $"The CredIr server (credir serve, or the gateway). Default: ${EnvironmentVariable}, else {Default}.",
    };

    /// <summary>The explicit choice (option or environment), or null when the user named none.</summary>
    public static string? Explicit(ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : null;

    public static Uri Resolve(string? address)
    {
        var text = address ?? Default;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"--server: '{text}' is not an http:// or https:// URL (e.g. {Default})", 2);
    }
}
