namespace CredIr.Eradication.Trails.Athena;

/// <summary>What one scan queries: the configuration overlaid with the request's own settings.</summary>
public sealed record AthenaTarget(string Database, string Table, string WorkGroup, string? OutputLocation, bool CreateTable, string? TrailLocation, string? Region);
