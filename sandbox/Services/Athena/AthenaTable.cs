namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// A CloudTrail table from CREATE EXTERNAL TABLE: where its files are and how its partitions map onto keys
/// (partition projection's storage.location.template, or the location itself when it has no partitions).
/// </summary>
internal sealed record AthenaTable(string Database, string Name, string Location, IReadOnlyList<string> PartitionColumns, IReadOnlyDictionary<string, string> Properties)
{
    public bool Projected => Properties.TryGetValue("projection.enabled", out var enabled) && string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key template (after s3://bucket/) with ${column} for each partition.</summary>
    public string KeyTemplate => WithoutBucket(Properties.GetValueOrDefault("storage.location.template") ?? Location).TrimEnd('/');

    public string Prefix => WithoutBucket(Location);

    public string? Property(string column, string suffix) => Properties.GetValueOrDefault($"projection.{column}.{suffix}");

    private static string WithoutBucket(string location)
    {
        var path = location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? location[5..] : location;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : path[(slash + 1)..];
    }
}
