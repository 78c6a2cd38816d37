namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// One named Athena target (section "Eradication:Athena:Targets:NAME"): another table, workgroup or results bucket a
/// scan may choose by name. Each unset setting is the "Eradication:Athena" section's.
/// </summary>
public sealed class AthenaTargetOptions
{
    public string? Database { get; set; }

    public string? Table { get; set; }

    public string? WorkGroup { get; set; }

    public string? OutputLocation { get; set; }

    public bool? CreateTable { get; set; }

    public string? TrailLocation { get; set; }

    public string? Region { get; set; }
}
