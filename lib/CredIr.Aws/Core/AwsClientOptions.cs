namespace CredIr.Aws;

/// <summary>Configuration of the AWS clients: region, endpoints, retries and rate limits.</summary>
public sealed class AwsClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Aws";

    /// <summary>The default region; when null, AWS_REGION / AWS_DEFAULT_REGION / the profile decide.</summary>
    public string? Region { get; set; }

    /// <summary>One endpoint for every service (an emulator such as the sandbox); wins over the environment.</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>Per-service endpoints; win over <see cref="EndpointUrl"/>.</summary>
    public Dictionary<AwsServiceKind, Uri> ServiceEndpoints { get; } = [];

    /// <summary>Whether AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; are honoured.</summary>
    public bool UseEnvironmentEndpoints { get; set; } = true;

    /// <summary>Attempts per call, the first included (AWS SDK standard mode uses 3; LookupEvents at 2/s warrants more).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>CloudTrail LookupEvents requests per second per account and region (AWS allows 2).</summary>
    public double LookupEventsPerSecond { get; set; } = 2;

    /// <summary>
    /// LookupEvents burst per account and region. One, below the service's own bucket: requests spaced by the
    /// client still arrive bunched by the network, and the service's spare token absorbs that instead of a throttle.
    /// </summary>
    public int LookupEventsBurst { get; set; } = 1;

    /// <summary>IAM requests per second per account; 0 turns the limit off.</summary>
    public double IamRequestsPerSecond { get; set; } = 10;

    /// <summary>IAM burst per account.</summary>
    public int IamBurst { get; set; } = 10;

    /// <summary>
    /// The User-Agent of every request. CloudTrail records it as userAgent, so responders can tell
    /// CredIr's own calls from the actor's when they read the trail of an account under response.
    /// </summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>"credir/&lt;version&gt;", the version of this library.</summary>
    public static string DefaultUserAgent { get; } =
        "credir/" + (typeof(AwsClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Checks the values; throws naming the key that is wrong.</summary>
    public void Validate()
    {
        Require(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
        Require(BaseDelay >= TimeSpan.Zero, nameof(BaseDelay), "must not be negative");
        Require(MaxDelay >= BaseDelay, nameof(MaxDelay), "must not be less than BaseDelay");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive");
        Require(LookupEventsPerSecond > 0 && LookupEventsBurst >= 1, nameof(LookupEventsPerSecond), "must be positive, with a burst of at least 1");
        Require(!string.IsNullOrWhiteSpace(UserAgent) && UserAgent.All(c => c is >= ' ' and <= '~'), nameof(UserAgent), "must be printable ASCII and not empty");
        Require(IamRequestsPerSecond >= 0 && IamBurst >= 1, nameof(IamRequestsPerSecond), "must not be negative, with a burst of at least 1");
    }

    private static void Require(bool condition, string key, string why)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}:{key} {why}.");
        }
    }
}
