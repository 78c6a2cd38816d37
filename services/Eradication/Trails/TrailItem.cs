namespace CredIr.Eradication.Trails;

/// <summary>One item of a trail query's stream: a record, or news about the query itself.</summary>
public abstract record TrailItem;
