namespace CredIr.HuaweiCloud;

/// <summary>Where Huawei Cloud's APIs are and which AK/SK calls them.</summary>
public sealed record HuaweiCloudOptions
{
    public const string SectionName = "HuaweiCloud";

    /// <summary>The IAM endpoint (global): https://iam.myhuaweicloud.com.</summary>
    public Uri IamEndpoint { get; init; } = new("https://iam.myhuaweicloud.com");

    /// <summary>The CTS endpoint of a region, <c>{region}</c> replaced by the region id (cn-north-4...).</summary>
    public string CtsEndpoint { get; init; } = "https://cts.{region}.myhuaweicloud.com";

    /// <summary>The AK/SK the clients sign with.</summary>
    public required HuaweiCredentials Credentials { get; init; }

    /// <summary>Per-call limit; a hung endpoint must not hold a response (containment never waits on it).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws with the key and the reason when the options cannot work.</summary>
    public void Validate()
    {
        if (!IamEndpoint.IsAbsoluteUri || IamEndpoint.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"{SectionName}:IamEndpoint '{IamEndpoint}' must be an absolute http(s) URL such as https://iam.myhuaweicloud.com");
        }

        if (!CtsEndpoint.Contains("{region}", StringComparison.Ordinal) || !Uri.TryCreate(CtsEndpoint.Replace("{region}", "r", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            throw new ArgumentException($"{SectionName}:CtsEndpoint '{CtsEndpoint}' must be an absolute URL holding {{region}}, such as https://cts.{{region}}.myhuaweicloud.com");
        }

        if (string.IsNullOrWhiteSpace(Credentials.AccessKeyId) || string.IsNullOrEmpty(Credentials.SecretAccessKey))
        {
            throw new ArgumentException($"{SectionName}:Credentials needs an access key id and its secret");
        }

        if (CallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:CallTimeout must be positive");
        }
    }

    internal Uri Cts(string region)
    {
        if (string.IsNullOrWhiteSpace(region) || !region.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{region}' is not a region id such as cn-north-4", nameof(region));
        }

        return new Uri(CtsEndpoint.Replace("{region}", region, StringComparison.Ordinal));
    }
}
