namespace CredIr.Aws;

/// <summary>The rate limiters a request can wait on.</summary>
internal enum AwsRateLimit
{
    None,

    /// <summary>One token bucket per account and region (CloudTrail LookupEvents: 2 requests/s).</summary>
    LookupEvents,

    /// <summary>One token bucket per account (IAM is a global service with account-wide limits).</summary>
    Iam,
}
