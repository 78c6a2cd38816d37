namespace CredIr.Eradication.Closure;

/// <summary>Where the closure stands: which round (hop), the source's units, and the totals so far.</summary>
public sealed record ClosureProgress(int Round, int UnitsTotal, int UnitsDone, long RecordsRead, long EventsAttributed, int CredentialsTotal) : ClosureUpdate;
