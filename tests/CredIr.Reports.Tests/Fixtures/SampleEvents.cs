using CredIr.Contracts.V1;
using static CredIr.Reports.Tests.Fixtures.Times;

namespace CredIr.Reports.Tests.Fixtures;

/// <summary>
/// The actor's calls in the sample incident: reconnaissance, a payroll export read, a user and a
/// key created, a role assumed into another account, an instance launched with a hostile user
/// agent, a bucket policy changed, a trail deletion refused and a bucket deleted.
/// </summary>
internal static class SampleEvents
{
    public const string LeakedKey = "AKIAEXAMPLELEAK00001";
    public const string DerivedKey = "AKIAEXAMPLEDERIVED02";
    public const string DerivedSession = "ASIAEXAMPLESESSION03";
    public const string Account = "111122223333";
    public const string MemberAccount = "444455556666";
    public const string ActorIp = "203.0.113.45";
    public const string SecondIp = "198.51.100.7";
    public const string CliAgent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0";
    public const string HostileAgent = "<script>alert(1)</script>";
    public const string PlantedSecret = "FAKEsecretwJalrXUtnFEMIK7MDENGbPxRfiCYzz";
    public const string PlantedToken = "FAKEsessionTokenIQoJb3JpZ2luX2VjEXAMPLE";
    public const string UserArn = "arn:aws:iam::111122223333:user/ci-deploy";
    public const string RoleArn = "arn:aws:iam::444455556666:role/OrganizationAccountAccessRole";

    public static List<TrailEvent> All() =>
    [
        Event("e-01", "2026-11-20T08:02:00Z", "GetCallerIdentity", "sts.amazonaws.com", [EventCategory.Reconnaissance]),
        Event("e-02", "2026-11-20T08:05:00Z", "ListBuckets", "s3.amazonaws.com", [EventCategory.Reconnaissance]),
        Event("e-03", "2026-11-20T08:07:00Z", "GetObject", "s3.amazonaws.com", [EventCategory.SensitiveDataAccess],
            Resource("arn:aws:s3:::payroll-exports/2026/11/payroll.csv", "AWS::S3::Object", "payroll-exports/2026/11/payroll.csv", ("application", "payroll"))),
        Event("e-04", "2026-11-20T08:10:00Z", "CreateUser", "iam.amazonaws.com", [EventCategory.IdentityPersistence, EventCategory.Creation],
            Resource("arn:aws:iam::111122223333:user/backup-admin", "AWS::IAM::User", "backup-admin")),
        With(Event("e-05", "2026-11-20T08:11:00Z", "CreateAccessKey", "iam.amazonaws.com", [EventCategory.IdentityPersistence, EventCategory.CredentialAccess],
                Resource("arn:aws:iam::111122223333:user/backup-admin", "AWS::IAM::User", "backup-admin")),
            e =>
            {
                e.CreatedAccessKeyIds.Add(DerivedKey);
                // A secret that should never be here: the report must redact it anyway.
                e.RawJson = $$$$"""{"eventID":"e-05","eventName":"CreateAccessKey","responseElements":{"accessKey":{"accessKeyId":"{{{{DerivedKey}}}}","SecretAccessKey":"{{{{PlantedSecret}}}}","status":"Active"}}}""";
            }),
        With(Event("e-06", "2026-11-20T08:15:00Z", "AssumeRole", "sts.amazonaws.com", [EventCategory.IdentityPersistence],
                Resource(RoleArn, "AWS::IAM::Role", "OrganizationAccountAccessRole")),
            e =>
            {
                e.CreatedAccessKeyIds.Add(DerivedSession);
                e.RawJson = $$$$"""{"eventID":"e-06","eventName":"AssumeRole","responseElements":{"credentials":{"accessKeyId":"{{{{DerivedSession}}}}","sessionToken":"{{{{PlantedToken}}}}","expiration":"Nov 20, 2026 9:15:00 AM"}},"additionalEventData":{"password":"hunter2-FAKE"}}""";
            }),
        With(Event("e-07", "2026-11-20T08:20:00Z", "RunInstances", "ec2.amazonaws.com", [EventCategory.ResourceCreation, EventCategory.Creation],
                Resource("arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc123def4567890", "AWS::EC2::Instance", "i-0abc123def4567890", ("application", "payroll"))),
            e =>
            {
                e.AccessKeyId = DerivedSession;
                e.PrincipalArn = "arn:aws:sts::444455556666:assumed-role/OrganizationAccountAccessRole/x";
                e.AccountId = MemberAccount;
                e.Region = "eu-west-1";
                e.SourceIpAddress = SecondIp;
                e.UserAgent = HostileAgent;
            }),
        Event("e-08", "2026-11-20T08:22:00Z", "PutBucketPolicy", "s3.amazonaws.com", [EventCategory.Modification],
            Resource("arn:aws:s3:::payroll-exports", "AWS::S3::Bucket", "payroll-exports", ("application", "payroll"))),
        With(Event("e-09", "2026-11-20T08:25:00Z", "DeleteTrail", "cloudtrail.amazonaws.com", [EventCategory.DefenseEvasion, EventCategory.FailedAttempt]),
            e =>
            {
                e.ErrorCode = "AccessDenied";
                e.ErrorMessage = "User is not authorized to perform cloudtrail:DeleteTrail";
            }),
        Event("e-10", "2026-11-20T08:30:00Z", "DeleteBucket", "s3.amazonaws.com", [EventCategory.Deletion],
            Resource("arn:aws:s3:::payroll-archive", "AWS::S3::Bucket", "payroll-archive", ("application", "payroll"))),
        Event("e-11", "2026-11-20T08:31:00Z", "DescribeRegions", "ec2.amazonaws.com", []),
    ];

    private static TrailEvent Event(string id, string at, string name, string source, EventCategory[] categories, params ResourceRef[] resources)
    {
        var e = new TrailEvent
        {
            EventId = id,
            EventTime = Ts(at),
            EventName = name,
            EventSource = source,
            AccessKeyId = LeakedKey,
            PrincipalArn = UserArn,
            AccountId = Account,
            Region = "us-east-1",
            SourceIpAddress = ActorIp,
            UserAgent = CliAgent,
            ReadOnly = name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal) || name.StartsWith("Describe", StringComparison.Ordinal),
            RawJson = $$"""{"eventID":"{{id}}","eventName":"{{name}}","eventSource":"{{source}}"}""",
        };
        e.Categories.AddRange(categories);
        e.Resources.AddRange(resources);
        e.MatchedRules.AddRange(categories.Select(c => $"rule:{c}"));
        return e;
    }

    private static TrailEvent With(TrailEvent e, Action<TrailEvent> change)
    {
        change(e);
        return e;
    }

    private static ResourceRef Resource(string arn, string type, string id, params (string Key, string Value)[] tags)
    {
        var r = new ResourceRef { Arn = arn, Type = type, Id = id, AccountId = arn.Split(':')[4] is { Length: > 0 } a ? a : Account, Region = "us-east-1" };
        foreach (var (k, v) in tags)
        {
            r.Tags[k] = v;
        }

        return r;
    }
}
