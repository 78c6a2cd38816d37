using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Trails;

public sealed record TrailRecordItem(CloudTrailRecord Record) : TrailItem;
