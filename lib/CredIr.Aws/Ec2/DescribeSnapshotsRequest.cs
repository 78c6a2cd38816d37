namespace CredIr.Aws;

/// <summary>Snapshots by id, owner or filter (volume-id, tag:KEY...).</summary>
public sealed record DescribeSnapshotsRequest(IReadOnlyList<string>? SnapshotIds = null, IReadOnlyList<Ec2Filter>? Filters = null, IReadOnlyList<string>? OwnerIds = null);
