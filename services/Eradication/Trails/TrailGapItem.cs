namespace CredIr.Eradication.Trails;

public sealed record TrailGapItem(TrailGap Gap) : TrailItem;
