namespace CredIr.Cli.Client;

/// <summary>
/// Who the CLI acts as: <c>CREDIR_USER</c>, else the operating-system user. Sent as
/// <c>x-credir-caller</c>; the server decides whether to believe it (docs/cli.md, "Identity").
/// </summary>
internal static class CallerIdentity
{
    public const string Header = CredIr.Hosting.CallerHeaders.Caller;

    public static string Current =>
        Environment.GetEnvironmentVariable("CREDIR_USER") is { Length: > 0 } user ? user : Environment.UserName;
}
