namespace CredIr.Eradication.Trails;

/// <summary>Where records come from; each has different coverage (see <see cref="TrailGap"/>).</summary>
public enum TrailSourceKind
{
    LookupEvents,
    LogFiles,
    Athena,

    /// <summary>Huawei Cloud CTS v3 traces (HuaweiCloud/CtsTrailSource).</summary>
    Cts,
}
