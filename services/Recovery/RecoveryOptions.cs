namespace CredIr.Recovery;

/// <summary>Settings of the Recovery service (section "Recovery").</summary>
public sealed class RecoveryOptions
{
    public const string SectionName = "Recovery";

    /// <summary>The CMDB file (the one Identification reads); its <c>resources</c> section holds known-good configurations.</summary>
    public string? CmdbPath { get; set; }

    /// <summary>Where the change log of what recovery changed goes; default: beside the CMDB file, "&lt;name&gt;.changes.json".</summary>
    public string? ChangeLogPath { get; set; }

    /// <summary>The change log file actually used, or null when neither path is set.</summary>
    public string? EffectiveChangeLogPath =>
        !string.IsNullOrWhiteSpace(ChangeLogPath) ? ChangeLogPath
        : string.IsNullOrWhiteSpace(CmdbPath) ? null
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CmdbPath)) ?? ".", Path.GetFileNameWithoutExtension(CmdbPath) + ".changes.json");
}
