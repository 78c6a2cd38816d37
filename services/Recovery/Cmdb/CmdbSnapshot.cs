using System.Text.Json;

namespace CredIr.Recovery.Cmdb;

/// <summary>The CMDB's resource records as read for one plan.</summary>
public sealed class CmdbSnapshot(IReadOnlyDictionary<string, JsonElement> records)
{
    public static CmdbSnapshot Empty { get; } = new(new Dictionary<string, JsonElement>());

    public int Count => records.Count;

    /// <summary>The record for an ARN (compared ignoring case), or null when the CMDB has none.</summary>
    public CmdbRecord? Find(string? arn) =>
        arn is not null && records.TryGetValue(arn, out var found) ? new CmdbRecord(arn, found) : null;
}
