using CredIr.Contracts.V1;
using Spectre.Console;

namespace CredIr.Cli.Scan;

/// <summary>The scan for people: events by category, the credentials with their provenance, and the gaps.</summary>
internal static class ScanTable
{
    public static async Task WriteAsync(IAsyncEnumerable<ScanUpdate> updates, IAnsiConsole console, CancellationToken ct)
    {
        var byCategory = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var usage = new Dictionary<string, CredentialUsage>(StringComparer.Ordinal);
        var credentials = new List<Credential>();
        var gaps = new List<SourceGap>();
        long events = 0;
        ScanSummary? summary = null;
        await foreach (var update in updates.WithCancellation(ct))
        {
            switch (update.UpdateCase)
            {
                case ScanUpdate.UpdateOneofCase.Event:
                    events++;
                    foreach (var category in update.Event.Categories)
                    {
                        var name = ScanNames.Category(category);
                        byCategory[name] = byCategory.GetValueOrDefault(name) + 1;
                    }

                    var key = update.Event.AccessKeyId;
                    if (!usage.TryGetValue(key, out var use))
                    {
                        usage[key] = use = new CredentialUsage();
                    }

                    use.Add(update.Event.EventTime.ToDateTimeOffset(), update.Event.PrincipalArn);
                    break;
                case ScanUpdate.UpdateOneofCase.Credential:
                    credentials.Add(update.Credential);
                    break;
                case ScanUpdate.UpdateOneofCase.Gap:
                    gaps.Add(update.Gap);
                    break;
                case ScanUpdate.UpdateOneofCase.Summary:
                    summary = update.Summary;
                    break;
                default:
                    break;
            }
        }

        var categories = new Table().Title($"{events} events").AddColumns("category", "events");
        foreach (var (name, count) in byCategory)
        {
            categories.AddRow(name, ScanPrinter.Number(count));
        }

        console.Write(categories);
        var creds = new Table().Title($"{credentials.Count} credentials").AddColumns("access key", "kind", "principal", "account", "derived from", "events");
        foreach (var c in credentials)
        {
            creds.AddRow(
                Markup.Escape(c.AccessKeyId), ScanNames.Kind(c.Kind), Markup.Escape(c.PrincipalArn), c.AccountId,
                Markup.Escape(c.Provenance?.DerivedFromAccessKeyId ?? "-"), ScanPrinter.Number(usage.GetValueOrDefault(c.AccessKeyId)?.Events ?? 0));
        }

        console.Write(creds);
        if (summary is { AthenaQueries: > 0 } athena)
        {
            console.WriteLine($"Athena: {athena.AthenaQueries} queries, {ScanPrinter.Number(athena.AthenaBytesScanned)} bytes scanned.");
        }

        if (gaps.Count == 0)
        {
            console.WriteLine("No source gaps: the scan is complete.");
            return;
        }

        var gapTable = new Table().Title($"{gaps.Count} source gaps: the scan is incomplete").AddColumns("account", "region", "reason");
        foreach (var g in gaps)
        {
            gapTable.AddRow(Markup.Escape(g.AccountId), Markup.Escape(g.Region), Markup.Escape(g.Reason));
        }

        console.Write(gapTable);
    }
}
