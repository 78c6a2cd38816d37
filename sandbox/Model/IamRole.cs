namespace CredIr.Sandbox.Model;

internal sealed class IamRole(string name, string id, string arn, string path, DateTimeOffset created)
    : PolicyHolder(name, id, arn, path, created)
{
    public required string TrustPolicy { get; set; }
    public string? Description { get; set; }
    public int MaxSessionDuration { get; set; } = 3600;
    public DateTimeOffset? LastUsed { get; set; }
    public string? LastUsedRegion { get; set; }
}
