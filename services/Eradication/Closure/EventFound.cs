namespace CredIr.Eradication.Closure;

public sealed record EventFound(AttributedEvent Event) : ClosureUpdate;
