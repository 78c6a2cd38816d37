namespace CredIr.Eradication;

/// <summary>Settings of the Eradication service (section "Eradication"; the trail sources have their own subsections).</summary>
public sealed class EradicationOptions
{
    public const string SectionName = "Eradication";

    /// <summary>The CMDB file (the format Identification reads): who owns the applications whose resources a plan changes. Without one, applications come from resource tags alone.</summary>
    public string? CmdbPath { get; set; }
}
