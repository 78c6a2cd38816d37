using System.Text.Json;
using CredIr.Identification.CompromiseTime;

namespace CredIr.Tests;

/// <summary>The datasets' records as the identification tests read them.</summary>
internal static partial class Datasets
{
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
}
