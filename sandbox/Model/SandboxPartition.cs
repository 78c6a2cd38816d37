namespace CredIr.Sandbox.Model;

/// <summary>
/// The AWS partition the sandbox's organization lives in (an organization never spans partitions):
/// the name every ARN carries, the home region where CloudTrail records global services' events,
/// and the regions a scenario gets when it names none. The sandbox is AWS's peer, not a client, so
/// it keeps its own table rather than sharing CredIr.Aws's.
/// </summary>
internal sealed record SandboxPartition(string Name, string HomeRegion, IReadOnlyList<string> DefaultRegions)
{
    public static SandboxPartition Aws { get; } = new("aws", "us-east-1", []);

    public static SandboxPartition AwsUsGov { get; } = new("aws-us-gov", "us-gov-west-1", ["us-gov-west-1", "us-gov-east-1"]);

    public static SandboxPartition AwsCn { get; } = new("aws-cn", "cn-north-1", ["cn-north-1", "cn-northwest-1"]);

    public static SandboxPartition? Find(string name) => name switch
    {
        "aws" => Aws,
        "aws-us-gov" => AwsUsGov,
        "aws-cn" => AwsCn,
        _ => null,
    };

    /// <summary>An AWS managed policy in this partition (arn:PARTITION:iam::aws:policy/NAME).</summary>
    public string ManagedPolicyArn(string name) => $"arn:{Name}:iam::aws:policy/{name}";

    /// <summary>Whether a region belongs to this partition (credentials of one partition are unknown in the others).</summary>
    public bool Contains(string region) => this switch
    {
        { Name: "aws-us-gov" } => region.StartsWith("us-gov-", StringComparison.Ordinal),
        { Name: "aws-cn" } => region.StartsWith("cn-", StringComparison.Ordinal),
        _ => !region.StartsWith("us-gov-", StringComparison.Ordinal) && !region.StartsWith("cn-", StringComparison.Ordinal),
    };

    /// <summary>The partition named by an ARN (arn:PARTITION:...), "aws" when the text is not an ARN.</summary>
    public static string NameOf(string arn)
    {
        var parts = arn.Split(':', 3);
        return parts.Length == 3 && parts[0] == "arn" ? parts[1] : Aws.Name;
    }
}
