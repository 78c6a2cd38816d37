namespace CredIr.Cli;

/// <summary>An error the user can fix, printed as one line without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
