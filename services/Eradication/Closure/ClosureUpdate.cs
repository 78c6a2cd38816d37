namespace CredIr.Eradication.Closure;

/// <summary>One item of the closure's stream; the graph credential → events → resources → credentials as it grows.</summary>
public abstract record ClosureUpdate;
