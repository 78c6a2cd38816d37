using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Scan;

/// <summary>One CSV row per event, as they arrive; the columns are the JSON document's event fields.</summary>
internal static class ScanCsvWriter
{
    public static async Task WriteAsync(IAsyncEnumerable<ScanUpdate> updates, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync("eventId,eventTime,eventName,eventSource,accessKeyId,accountId,region,errorCode,categories");
        await foreach (var update in updates.WithCancellation(ct))
        {
            if (update.UpdateCase != ScanUpdate.UpdateOneofCase.Event)
            {
                continue;
            }

            var e = update.Event;
            string[] fields =
            [
                e.EventId, IsoTime.Format(e.EventTime.ToDateTimeOffset()), e.EventName, e.EventSource, e.AccessKeyId,
                e.AccountId, e.Region, e.ErrorCode, string.Join(';', e.Categories.Select(ScanNames.Category)),
            ];
            await output.WriteLineAsync(string.Join(',', fields.Select(ScanPrinter.Csv)));
        }

        await output.FlushAsync(ct);
    }
}
