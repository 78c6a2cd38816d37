using CredIr.Eradication.Trails;

namespace CredIr.Eradication.Closure;

public sealed record GapFound(TrailGap Gap) : ClosureUpdate;
