using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// The clients for one set of credentials in one region (and account, when known). Clients are
/// created on first use and are thread-safe; keep the scope as long as the credentials.
/// </summary>
public sealed class AwsScope
{
    private readonly Lazy<StsClient> _sts;
    private readonly Lazy<IamClient> _iam;
    private readonly Lazy<CloudTrailClient> _cloudTrail;
    private readonly Lazy<OrganizationsClient> _organizations;
    private readonly Lazy<Ec2Client> _ec2;
    private readonly Lazy<S3Client> _s3;
    private readonly Lazy<LambdaClient> _lambda;
    private readonly Lazy<GuardDutyClient> _guardDuty;
    private readonly Lazy<AthenaClient> _athena;

    internal AwsScope(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        Runtime = runtime;
        Credentials = credentials;
        Region = region;
        AccountId = accountId;
        _sts = new(() => new StsClient(runtime, credentials, region, accountId));
        _iam = new(() => new IamClient(runtime, credentials, region, accountId));
        _cloudTrail = new(() => new CloudTrailClient(runtime, credentials, region, accountId));
        _organizations = new(() => new OrganizationsClient(runtime, credentials, region, accountId));
        _ec2 = new(() => new Ec2Client(runtime, credentials, region, accountId));
        _s3 = new(() => new S3Client(runtime, credentials, region, accountId));
        _lambda = new(() => new LambdaClient(runtime, credentials, region, accountId));
        _guardDuty = new(() => new GuardDutyClient(runtime, credentials, region, accountId));
        _athena = new(() => new AthenaClient(runtime, credentials, region, accountId));
    }

    /// <summary>The runtime the clients share.</summary>
    public AwsRuntime Runtime { get; }

    /// <summary>The credentials the clients sign with.</summary>
    public AWSCredentials Credentials { get; }

    /// <summary>The region of the regional clients.</summary>
    public string Region { get; }

    /// <summary>The partition of the scope's region: its ARNs, endpoints and the home region of global-service events.</summary>
    public AwsPartition Partition => AwsPartition.ForRegion(Region);

    /// <summary>
    /// Where CloudTrail records the events of IAM, STS's global endpoint and other global services
    /// for these credentials: us-east-1, us-gov-west-1 or cn-north-1 by partition.
    /// </summary>
    public string GlobalEventsRegion => Partition.GlobalRegion;

    /// <summary>The account, when known (rate limits and logs are keyed by it).</summary>
    public string? AccountId { get; }

    /// <summary>STS (regional endpoint).</summary>
    public StsClient Sts => _sts.Value;

    /// <summary>IAM (global endpoint of the region's partition).</summary>
    public IamClient Iam => _iam.Value;

    /// <summary>CloudTrail.</summary>
    public CloudTrailClient CloudTrail => _cloudTrail.Value;

    /// <summary>Organizations (global endpoint of the region's partition).</summary>
    public OrganizationsClient Organizations => _organizations.Value;

    /// <summary>EC2.</summary>
    public Ec2Client Ec2 => _ec2.Value;

    /// <summary>S3.</summary>
    public S3Client S3 => _s3.Value;

    /// <summary>Lambda.</summary>
    public LambdaClient Lambda => _lambda.Value;

    /// <summary>GuardDuty.</summary>
    public GuardDutyClient GuardDuty => _guardDuty.Value;

    /// <summary>Athena.</summary>
    public AthenaClient Athena => _athena.Value;

    /// <summary>The same credentials and account in another region.</summary>
    public AwsScope WithRegion(string region) =>
        string.Equals(region, Region, StringComparison.Ordinal) ? this : new AwsScope(Runtime, Credentials, region, AccountId);

    /// <inheritdoc />
    public override string ToString() => $"AwsScope {{ AccountId = {AccountId ?? "caller"}, Region = {Region} }}";
}
