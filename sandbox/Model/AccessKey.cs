namespace CredIr.Sandbox.Model;

/// <summary>A long-term IAM access key (AKIA).</summary>
internal sealed class AccessKey(string id, string secret, string userName, DateTimeOffset created)
{
    public string Id { get; } = id;
    public string Secret { get; } = secret;
    public string UserName { get; } = userName;
    public DateTimeOffset Created { get; } = created;
    public bool Active { get; set; } = true;
    /// <summary>When the key was last set Inactive (null while Active): it works until the IAM change has propagated.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset? LastUsed { get; set; }
    public string? LastUsedService { get; set; }
    public string? LastUsedRegion { get; set; }
    public string Status => Active ? "Active" : "Inactive";
}
