using System.CommandLine;
using CredIr.Hosting;

namespace CredIr.Cli.Commands;

/// <summary>
/// The root command. Usage errors print one line and exit 2; a <see cref="CliException"/> prints its
/// message and exits with its code; nothing prints a stack trace.
/// </summary>
internal static class CliApp
{
    public const int UsageError = 2;

    /// <summary>An unexpected failure in credir itself (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>A setting the services refused at start (sysexits' EX_CONFIG).</summary>
    public const int ConfigurationError = 78;

    public static RootCommand Build()
    {
        var root = new RootCommand("credir: respond to leaked AWS and Huawei Cloud credentials (identification, containment, eradication, recovery, report).");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RespondCommand.Create());
        root.Subcommands.Add(IncidentsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(EvidenceCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(SandboxCliCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The parser lists allowed values one per line; an error is one line.
            var message = string.Join(' ', parsed.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync($"credir: {message} (see --help)");
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"credir: {e.Message}");
            return e.ExitCode;
        }
        catch (global::Grpc.Core.RpcException e)
        {
            // A phase service called in this process refused: its status is the message.
            await Console.Error.WriteLineAsync($"credir: {Client.RpcErrors.Name(e.StatusCode)}: {e.Status.Detail}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A bad setting is the operator's to fix, not a defect: each failure already names its key and why.
            await Console.Error.WriteLineAsync($"credir: configuration refused: {RpcText.Bound(string.Join("; ", e.Failures))}");
            return ConfigurationError;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the conventional exit code of a command stopped by SIGINT.
            return 130;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A defect, or data this version cannot show: one line saying what failed (no stack trace, which
            // tells a responder nothing and may carry values), exit 70 (EX_SOFTWARE).
            await Console.Error.WriteLineAsync($"credir: unexpected {e.GetType().Name}: {RpcText.Bound(e.Message)}");
            return InternalError;
        }
    }

    /// <summary>A command description followed by its examples, so <c>--help</c> shows both.</summary>
    public static string Describe(string what, params string[] examples) =>
        what + Environment.NewLine + Environment.NewLine + "Examples:" + Environment.NewLine +
        string.Join(Environment.NewLine, examples.Select(static e => "  " + e));
}
