namespace CredIr.Sandbox.Model;

internal sealed class PolicyVersion(string versionId, string document, DateTimeOffset created)
{
    public string VersionId { get; } = versionId;
    public string Document { get; } = document;
    public DateTimeOffset Created { get; } = created;
    public bool IsDefault { get; set; }
}
