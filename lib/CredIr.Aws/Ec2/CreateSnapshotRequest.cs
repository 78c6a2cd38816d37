namespace CredIr.Aws;

/// <summary>Snapshots an EBS volume, tagged at creation.</summary>
public sealed record CreateSnapshotRequest(string VolumeId, string? Description = null, IReadOnlyList<Ec2Tag>? Tags = null);
