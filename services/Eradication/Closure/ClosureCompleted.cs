namespace CredIr.Eradication.Closure;

public sealed record ClosureCompleted(ClosureSummary Summary) : ClosureUpdate;
