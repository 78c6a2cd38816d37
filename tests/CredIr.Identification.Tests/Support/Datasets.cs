using System.Text.Json;
using CredIr.Identification.CompromiseTime;

namespace CredIr.Identification.Tests.Support;

/// <summary>The real CloudTrail datasets kept in shared/datasets beside the repository.</summary>
internal static class Datasets
{
    public static string InvictusStratus => Path.Combine(SharedFolder(), "datasets", "invictus-stratus", "CloudTrail");

    public static IReadOnlyList<TrailRecord> Records(string folder, Func<TrailRecord, bool> keep)
    {
        var records = new List<TrailRecord>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
            {
                var parsed = TrailRecord.FromJson(record);
                if (keep(parsed))
                {
                    records.Add(parsed);
                }
            }
        }

        return records;
    }

    private static string SharedFolder()
    {
        var root = RepoPaths.Root;
        // CI clones the repository with shared/ beside it; worktrees live one level further down.
        foreach (var candidate in new[] { Path.Combine(root, "..", "shared"), Path.Combine(root, "..", "..", "shared") })
        {
            if (Directory.Exists(Path.Combine(candidate, "datasets")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException($"shared/datasets not found beside the repository at {root}");
    }
}
