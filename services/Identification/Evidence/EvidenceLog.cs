using System.Text.Json;
using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using SecretScrubber = CredIr.Playbook.Trail.SecretScrubber;

namespace CredIr.Identification.Evidence;

/// <summary>Collects what one identification observed, each item with a unique id and its raw material, secrets removed.</summary>
public sealed class EvidenceLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<EvidenceItem> _items = [];

    public IReadOnlyList<EvidenceItem> Items => _items;

    /// <summary>Adds an item; <paramref name="raw"/> is JSON text, or an object serialised to JSON.</summary>
    public string Add(string source, string summary, object? raw, DateTimeOffset? observedAt = null)
    {
        var now = time.GetUtcNow();
        var json = raw switch
        {
            null => "{}",
            string text => SecretScrubber.Scrub(text),
            _ => SecretScrubber.Scrub(JsonSerializer.Serialize(raw, Json)),
        };
        var item = new EvidenceItem
        {
            EvidenceId = "ev-" + Guid.CreateVersion7(now).ToString("N"),
            ObservedAt = Timestamp.FromDateTimeOffset(observedAt ?? now),
            Source = source,
            Summary = summary,
            RawJson = json,
        };
        _items.Add(item);
        return item.EvidenceId;
    }
}
