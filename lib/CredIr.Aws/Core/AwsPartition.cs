namespace CredIr.Aws;

/// <summary>
/// An AWS partition: its ARN name, DNS suffix and the region global services sign for, which is
/// also the home region where CloudTrail records their events (IAM, STS's global endpoint).
/// A credential lives in exactly one partition; every ARN, endpoint and home region follows from it.
/// </summary>
public sealed record AwsPartition(string Name, string DnsSuffix, string GlobalRegion, string IamHost, string OrganizationsRegion)
{
    /// <summary>An account's root principal (arn:PARTITION:iam::ACCOUNT:root).</summary>
    public string AccountRootArn(string accountId) => $"arn:{Name}:iam::{accountId}:root";

    /// <summary>An S3 bucket, or an object pattern in it when <paramref name="key"/> is given.</summary>
    public string S3Arn(string bucket, string? key = null) => key is null ? $"arn:{Name}:s3:::{bucket}" : $"arn:{Name}:s3:::{bucket}/{key}";

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

    /// <summary>The partition of an ARN (arn:PARTITION:...); throws <see cref="FormatException"/> for text that is not an ARN.</summary>
    public static AwsPartition FromArn(string arn) => Arn.Parse(arn).GetPartition();

    /// <summary>The partition of an ARN, or null when the text is not an ARN of a known partition.</summary>
    public static AwsPartition? TryFromArn(string? arn) =>
        Arn.TryParse(arn, out var parsed) && TryFromName(parsed.Partition) is { } partition ? partition : null;

    /// <summary>The partition with the given ARN name, or null for an unknown name.</summary>
    public static AwsPartition? TryFromName(string? name) => name switch
    {
        "aws" => Aws,
        "aws-cn" => AwsCn,
        "aws-us-gov" => AwsUsGov,
        _ => null,
    };

    /// <summary>The partition with the given ARN name.</summary>
    public static AwsPartition FromName(string name) =>
        TryFromName(name) ?? throw new ArgumentException($"Unknown AWS partition '{name}' (aws, aws-cn or aws-us-gov).", nameof(name));
}
