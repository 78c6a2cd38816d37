namespace CredIr.Sandbox.Model;

/// <summary>A point-in-time copy of an EBS volume (the sandbox's snapshots complete at once).</summary>
internal sealed class Ec2Snapshot(string id, string volumeId, int volumeSize, string region, string description, DateTimeOffset started)
{
    public string Id { get; } = id;
    public string VolumeId { get; } = volumeId;
    public int VolumeSize { get; } = volumeSize;
    public string Region { get; } = region;
    public string Description { get; } = description;
    public DateTimeOffset Started { get; } = started;
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
