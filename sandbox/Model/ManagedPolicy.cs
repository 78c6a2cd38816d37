namespace CredIr.Sandbox.Model;

internal sealed class ManagedPolicy(string name, string id, string arn, string path, DateTimeOffset created)
{
    public string Name { get; } = name;
    public string Id { get; } = id;
    public string Arn { get; } = arn;
    public string Path { get; } = path;
    public DateTimeOffset Created { get; } = created;
    public string? Description { get; init; }
    public DateTimeOffset Updated { get; set; } = created;
    public List<PolicyVersion> Versions { get; } = [];
    public int AttachmentCount { get; set; }
    public int NextVersion { get; set; } = 1;

    public PolicyVersion Default => Versions.First(v => v.IsDefault);
}
