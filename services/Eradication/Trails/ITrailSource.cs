namespace CredIr.Eradication.Trails;

/// <summary>
/// A source of CloudTrail records: LookupEvents, Athena over the organization trail, or log files.
/// Records come in no particular order, interleaved with gaps (what it could not see), checkpoints
/// (to resume) and progress. A failing unit is reported as a gap, never fatal to the query.
/// </summary>
public interface ITrailSource
{
    TrailSourceKind Kind { get; }

    IAsyncEnumerable<TrailItem> QueryAsync(TrailQuery query, CancellationToken cancellationToken);
}
