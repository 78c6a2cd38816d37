using CredIr.Playbook.Trail;

namespace CredIr.Tests;

/// <summary>The datasets' records, read once for the playbook tests.</summary>
internal static partial class Datasets
{
    private static readonly Lazy<Task<List<CloudTrailRecord>>> All = new(LoadAsync);

    /// <summary>Every record of both datasets (read once per test run; records are immutable).</summary>
    public static Task<List<CloudTrailRecord>> ReadAllAsync() => All.Value;

    private static async Task<List<CloudTrailRecord>> LoadAsync()
    {
        var records = new List<CloudTrailRecord>();
        foreach (var file in Directory.EnumerateFiles(InvictusStratus, "*.json").Concat(Directory.EnumerateFiles(StratusDetonations, "aws.*.json")))
        {
            await using var stream = File.OpenRead(file);
            await foreach (var record in CloudTrailStreamReader.ReadAsync(stream))
            {
                records.Add(record);
            }
        }

        return records;
    }

    public static async Task<CloudTrailRecord> ByEventIdAsync(string eventId) =>
        (await ReadAllAsync()).Single(r => r.EventId == eventId);
}
