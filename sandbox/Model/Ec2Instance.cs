namespace CredIr.Sandbox.Model;

internal sealed class Ec2Instance(string id, string region, string imageId, string instanceType, DateTimeOffset launched)
{
    public string Id { get; } = id;
    public string Region { get; } = region;
    public string ImageId { get; } = imageId;
    public string InstanceType { get; } = instanceType;
    public DateTimeOffset Launched { get; } = launched;
    public string State { get; set; } = "running";
    public string? InstanceProfileArn { get; init; }
    public string? InstanceProfileId { get; init; }
    /// <summary>The role credentials the instance metadata service would hand out.</summary>
    public StsSession? RoleSession { get; init; }
    public string? KeyName { get; init; }
}
