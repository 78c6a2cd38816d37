namespace CredIr.Sandbox.Protocols;

/// <summary>How one AWS service speaks on the wire (from its botocore model's metadata).</summary>
internal sealed record ServiceModel(string SigningName, AwsProtocol Protocol, string EventSource, string? XmlNamespace = null, string? TargetPrefix = null, bool IsGlobal = false)
{
    public static readonly ServiceModel Iam = new("iam", AwsProtocol.Query, "iam.amazonaws.com", "https://iam.amazonaws.com/doc/2010-05-08/", IsGlobal: true);
    public static readonly ServiceModel Sts = new("sts", AwsProtocol.Query, "sts.amazonaws.com", "https://sts.amazonaws.com/doc/2011-06-15/");
    public static readonly ServiceModel Ec2 = new("ec2", AwsProtocol.Ec2, "ec2.amazonaws.com", "http://ec2.amazonaws.com/doc/2016-11-15/");
    public static readonly ServiceModel CloudTrail = new("cloudtrail", AwsProtocol.Json, "cloudtrail.amazonaws.com", TargetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");
    public static readonly ServiceModel Organizations = new("organizations", AwsProtocol.Json, "organizations.amazonaws.com", TargetPrefix: "AWSOrganizationsV20161128", IsGlobal: true);
    public static readonly ServiceModel Lambda = new("lambda", AwsProtocol.RestJson, "lambda.amazonaws.com");
    public static readonly ServiceModel GuardDuty = new("guardduty", AwsProtocol.RestJson, "guardduty.amazonaws.com");
    public static readonly ServiceModel S3 = new("s3", AwsProtocol.RestXml, "s3.amazonaws.com");
    public static readonly ServiceModel Athena = new("athena", AwsProtocol.Json, "athena.amazonaws.com", TargetPrefix: "AmazonAthena");

    public static IReadOnlyList<ServiceModel> All { get; } = [Iam, Sts, Ec2, CloudTrail, Organizations, Lambda, GuardDuty, S3, Athena];

    public static ServiceModel? Find(string signingName) =>
        All.FirstOrDefault(d => string.Equals(d.SigningName, signingName, StringComparison.Ordinal));
}
