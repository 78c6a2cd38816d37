namespace CredIr.Identification;

/// <summary>Settings of the Identification service (section "Identification").</summary>
public sealed class IdentificationOptions
{
    public const string SectionName = "Identification";

    /// <summary>Inputs larger than this are refused before parsing (a finding is a few KiB; 1 MiB leaves room for batches).</summary>
    public int MaxInputBytes { get; set; } = 1024 * 1024;

    /// <summary>How far back the baseline of normal use reaches when no baseline_days is given.</summary>
    public int DefaultBaselineDays { get; set; } = 7;

    /// <summary>Regions whose CloudTrail is read when the request names none (none: the responder's partition's home region, us-east-1, us-gov-west-1 or cn-north-1, where IAM and STS global calls land).</summary>
    public IList<string> Regions { get; } = [];

    /// <summary>How far back a credential's use is read (CloudTrail LookupEvents keeps 90 days).</summary>
    public int LookbackDays { get; set; } = 30;

    /// <summary>The CMDB file (JSON) of applications, owners and organisation-wide contacts.</summary>
    public string? CmdbPath { get; set; }
}
