using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests;

/// <summary>The real CloudTrail datasets (shared/datasets; CREDIR_DATASETS overrides the folder).</summary>
internal static class Datasets
{
    public static string Root { get; } = Locate();

    public static string InvictusStratus => Path.Combine(Root, "invictus-stratus", "CloudTrail");

    public static string StratusDetonations => Path.Combine(Root, "stratus-detonation-logs");

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

    private static string Locate()
    {
        var root = Environment.GetEnvironmentVariable("CREDIR_DATASETS") ?? "/work/shared/datasets";
        if (!Directory.Exists(Path.Combine(root, "invictus-stratus")))
        {
            throw new DirectoryNotFoundException($"The CloudTrail datasets are not at {root}; set CREDIR_DATASETS to the datasets folder.");
        }

        return root;
    }
}
