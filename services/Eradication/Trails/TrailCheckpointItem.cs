namespace CredIr.Eradication.Trails;

public sealed record TrailCheckpointItem(TrailCheckpoint Checkpoint) : TrailItem;
