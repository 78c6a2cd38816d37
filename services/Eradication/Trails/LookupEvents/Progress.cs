namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>Counts shared by the page chains of one query; units are account-region-attribute lanes.</summary>
internal sealed class Progress(int total, int done)
{
    private int _done = done;
    private long _records;

    public int Total { get; } = total;

    public long Records => Interlocked.Read(ref _records);

    public long Read(int records) => Interlocked.Add(ref _records, records);

    public int Finish() => Interlocked.Increment(ref _done);
}
