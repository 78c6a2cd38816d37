namespace CredIr.Aws;

/// <summary>
/// What endpoint resolution and signing need to know about a service: its endpoint prefix, the
/// name it signs with, the suffix of its AWS_ENDPOINT_URL_ variable (the SDK service id, upper
/// case) and whether it is global (one endpoint per partition, signed for the partition's region).
/// </summary>
internal sealed record AwsServiceInfo(AwsServiceKind Kind, string EndpointPrefix, string SigningName, string EnvironmentSuffix, bool IsGlobal)
{
    public static AwsServiceInfo Sts { get; } = new(AwsServiceKind.Sts, "sts", "sts", "STS", false);
    public static AwsServiceInfo Iam { get; } = new(AwsServiceKind.Iam, "iam", "iam", "IAM", true);
    public static AwsServiceInfo CloudTrail { get; } = new(AwsServiceKind.CloudTrail, "cloudtrail", "cloudtrail", "CLOUDTRAIL", false);
    public static AwsServiceInfo Organizations { get; } = new(AwsServiceKind.Organizations, "organizations", "organizations", "ORGANIZATIONS", true);
    public static AwsServiceInfo Ec2 { get; } = new(AwsServiceKind.Ec2, "ec2", "ec2", "EC2", false);
    public static AwsServiceInfo S3 { get; } = new(AwsServiceKind.S3, "s3", "s3", "S3", false);
    public static AwsServiceInfo Lambda { get; } = new(AwsServiceKind.Lambda, "lambda", "lambda", "LAMBDA", false);
    public static AwsServiceInfo GuardDuty { get; } = new(AwsServiceKind.GuardDuty, "guardduty", "guardduty", "GUARDDUTY", false);
    public static AwsServiceInfo Athena { get; } = new(AwsServiceKind.Athena, "athena", "athena", "ATHENA", false);

    public static AwsServiceInfo For(AwsServiceKind kind) => kind switch
    {
        AwsServiceKind.Sts => Sts,
        AwsServiceKind.Iam => Iam,
        AwsServiceKind.CloudTrail => CloudTrail,
        AwsServiceKind.Organizations => Organizations,
        AwsServiceKind.Ec2 => Ec2,
        AwsServiceKind.S3 => S3,
        AwsServiceKind.Lambda => Lambda,
        AwsServiceKind.GuardDuty => GuardDuty,
        AwsServiceKind.Athena => Athena,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service."),
    };
}
