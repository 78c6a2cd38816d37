namespace CredIr.Cli.Output;

/// <summary>
/// What the console can do: colours and live progress only on an interactive terminal, never in
/// a pipe, and never when NO_COLOR is set (https://no-color.org).
/// </summary>
internal sealed record Terminal(bool IsInteractive, bool UseColor)
{
    public static Terminal Detect()
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new Terminal(interactive, interactive && !noColor);
    }
}
