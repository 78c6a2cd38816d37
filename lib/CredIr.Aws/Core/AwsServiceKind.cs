namespace CredIr.Aws;

/// <summary>The AWS services this library talks to.</summary>
public enum AwsServiceKind
{
    /// <summary>AWS Security Token Service.</summary>
    Sts,

    /// <summary>AWS Identity and Access Management (a global service).</summary>
    Iam,

    /// <summary>AWS CloudTrail.</summary>
    CloudTrail,

    /// <summary>AWS Organizations (a global service).</summary>
    Organizations,

    /// <summary>Amazon EC2.</summary>
    Ec2,

    /// <summary>Amazon S3.</summary>
    S3,

    /// <summary>AWS Lambda.</summary>
    Lambda,

    /// <summary>Amazon GuardDuty.</summary>
    GuardDuty,

    /// <summary>Amazon Athena.</summary>
    Athena,
}
