namespace CredIr.Sandbox;

/// <summary>One CloudTrail record the sandbox holds; <see cref="Json"/> is the full record as AWS writes it.</summary>
public sealed record RecordedEvent(
    string EventId,
    string EventName,
    string EventSource,
    DateTimeOffset EventTime,
    string AccountId,
    string Region,
    string? AccessKeyId,
    string Username,
    bool ReadOnly,
    bool ManagementEvent,
    string Json)
{
    public IReadOnlyList<(string Type, string Name)> Resources { get; init; } = [];
    internal long Sequence { get; init; }
    internal DateTimeOffset DeliverAt { get; init; }
    /// <summary>Whether a trail was logging when it happened (and so whether it reaches the log files).</summary>
    internal bool Delivered { get; init; } = true;

    /// <summary>This event as a LookupEvents item, rendered once: events never change and are read many times.</summary>
    internal byte[]? LookupItem { get; set; }
}
