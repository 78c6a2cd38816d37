namespace CredIr.Sandbox.Model;

/// <summary>One AWS account: its IAM and the resources attackers touch. Guarded by SandboxState's lock.</summary>
internal sealed class Account(string id, string name, string email, bool isManagement)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Email { get; } = email;
    public bool IsManagement { get; } = isManagement;
    public DateTimeOffset Joined { get; init; }
    /// <summary>ACTIVE, PENDING_CLOSURE or SUSPENDED, as Organizations reports it.</summary>
    public string Status { get; set; } = "ACTIVE";
    public Dictionary<string, IamUser> Users { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IamGroup> Groups { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IamRole> Roles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ManagedPolicy> Policies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, InstanceProfile> InstanceProfiles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, S3Bucket> Buckets { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Ec2Instance> Instances { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Ec2SecurityGroup> SecurityGroups { get; } = new(StringComparer.Ordinal);
    /// <summary>Key pairs by id ("key-..."); names are unique per region.</summary>
    public Dictionary<string, Ec2KeyPair> KeyPairs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Ec2Snapshot> Snapshots { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, LambdaFunction> Functions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Trail> Trails { get; } = new(StringComparer.Ordinal);
    public List<AccessKey> RootKeys { get; } = [];
    /// <summary>Virtual MFA devices by serial number (ARN), with the user each is enabled for (null while unassigned).</summary>
    public Dictionary<string, string?> VirtualMfaDevices { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GuardDutyDetector> Detectors { get; } = new(StringComparer.Ordinal);

    /// <summary>The partition's ARN name (aws, aws-us-gov, aws-cn): every ARN of the account carries it.</summary>
    public string Partition { get; init; } = "aws";

    public string Root => $"arn:{Partition}:iam::{Id}:root";
}
