namespace CredIr.Sandbox.Model;

internal sealed class Trail(string name, string arn, string homeRegion, string bucket)
{
    public string Name { get; } = name;
    public string Arn { get; } = arn;
    public string HomeRegion { get; } = homeRegion;
    public string Bucket { get; } = bucket;
    public bool IsMultiRegion { get; init; } = true;
    public bool IsOrganizationTrail { get; init; }
    public bool Logging { get; set; } = true;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
