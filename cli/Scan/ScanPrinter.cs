using System.Globalization;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;
using Spectre.Console;

namespace CredIr.Cli.Scan;

/// <summary>Prints a scan as JSON (the documented document), CSV (one row per event) or tables for people.</summary>
internal static class ScanPrinter
{
    /// <summary>
    /// Returns the number of source gaps that name an account, region or error: places the scan could not read.
    /// A gap naming none is a caveat of the source kind (log files hold data events only if the trail
    /// recorded them); it is printed but does not make the scan incomplete.
    /// </summary>
    public static async Task<int> PrintAsync(IReadOnlyList<Credential> starting, IAsyncEnumerable<ScanUpdate> updates, OutputFormat format, Terminal terminal, CancellationToken ct)
    {
        var gaps = 0;
        var counted = Count(updates, () => gaps++, ct);
        switch (format)
        {
            case OutputFormat.Json:
                await using (var stdout = Console.OpenStandardOutput())
                {
                    await new ScanJsonWriter(starting).WriteAsync(counted, stdout, ct);
                    await stdout.WriteAsync("\n"u8.ToArray(), ct);
                }

                break;
            case OutputFormat.Csv:
                await ScanCsvWriter.WriteAsync(counted, Console.Out, ct);
                break;
            default:
                await ScanTable.WriteAsync(counted, ConsoleFor(terminal), ct);
                break;
        }

        return gaps;
    }

    public static IAnsiConsole ConsoleFor(Terminal terminal, TextWriter? writer = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal.UseColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal.IsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer ?? Console.Out),
        });

        // A pipe has no width: 80 columns would split key ids and ARNs across lines, which breaks grep.
        if (!terminal.IsInteractive)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    private static async IAsyncEnumerable<ScanUpdate> Count(IAsyncEnumerable<ScanUpdate> updates, Action onGap, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var update in updates.WithCancellation(ct))
        {
            if (update.UpdateCase == ScanUpdate.UpdateOneofCase.Gap
                && (update.Gap.AccountId.Length > 0 || update.Gap.Region.Length > 0 || update.Gap.ErrorCode.Length > 0))
            {
                onGap();
            }

            yield return update;
        }
    }

    internal static string Csv(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
