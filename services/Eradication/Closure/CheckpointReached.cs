using CredIr.Eradication.Trails;

namespace CredIr.Eradication.Closure;

/// <summary>A unit of round <see cref="Round"/> was read to a resumable point.</summary>
public sealed record CheckpointReached(int Round, TrailCheckpoint Checkpoint) : ClosureUpdate;
