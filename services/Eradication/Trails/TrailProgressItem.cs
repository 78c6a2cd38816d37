namespace CredIr.Eradication.Trails;

/// <summary>Units are account-regions for LookupEvents, files for log files.</summary>
public sealed record TrailProgressItem(int UnitsTotal, int UnitsDone, long RecordsRead) : TrailItem;
