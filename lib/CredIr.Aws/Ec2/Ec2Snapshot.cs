namespace CredIr.Aws;

/// <summary>An EBS snapshot.</summary>
public sealed record Ec2Snapshot(string SnapshotId, string VolumeId, string State, DateTimeOffset? StartTime, string? Description, int? VolumeSize, IReadOnlyList<Ec2Tag> Tags);
