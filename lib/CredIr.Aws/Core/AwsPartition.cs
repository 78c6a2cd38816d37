namespace CredIr.Aws;

/// <summary>An AWS partition: its ARN name, DNS suffix and the region global services sign for.</summary>
public sealed record AwsPartition(string Name, string DnsSuffix, string GlobalRegion, string IamHost, string OrganizationsRegion)
{
    /// <summary>The commercial partition.</summary>
    public static AwsPartition Aws { get; } = new("aws", "amazonaws.com", "us-east-1", "iam.amazonaws.com", "us-east-1");

    /// <summary>The China partition.</summary>
    public static AwsPartition AwsCn { get; } = new("aws-cn", "amazonaws.com.cn", "cn-north-1", "iam.cn-north-1.amazonaws.com.cn", "cn-northwest-1");

    /// <summary>The AWS GovCloud (US) partition.</summary>
    public static AwsPartition AwsUsGov { get; } = new("aws-us-gov", "amazonaws.com", "us-gov-west-1", "iam.us-gov.amazonaws.com", "us-gov-west-1");

    /// <summary>The partition a region belongs to (commercial unless the name says otherwise).</summary>
    public static AwsPartition ForRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return AwsCn;
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? AwsUsGov : Aws;
    }

    /// <summary>The partition with the given ARN name.</summary>
    public static AwsPartition FromName(string name) => name switch
    {
        "aws" => Aws,
        "aws-cn" => AwsCn,
        "aws-us-gov" => AwsUsGov,
        _ => throw new ArgumentException($"Unknown AWS partition '{name}'.", nameof(name)),
    };
}
