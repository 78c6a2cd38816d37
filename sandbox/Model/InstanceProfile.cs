namespace CredIr.Sandbox.Model;

internal sealed class InstanceProfile(string name, string id, string arn, string path, DateTimeOffset created)
{
    public string Name { get; } = name;
    public string Id { get; } = id;
    public string Arn { get; } = arn;
    public string Path { get; } = path;
    public DateTimeOffset Created { get; } = created;
    public List<string> RoleNames { get; } = [];
}
