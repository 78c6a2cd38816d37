namespace CredIr.Eradication.Trails;

/// <summary>What a query cost: a source billed by data scanned (Athena) reports each query it ran.</summary>
public sealed record TrailCostItem(int Queries, long BytesScanned) : TrailItem;
