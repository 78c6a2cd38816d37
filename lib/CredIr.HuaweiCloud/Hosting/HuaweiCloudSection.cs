namespace CredIr.HuaweiCloud.Hosting;

/// <summary>
/// The configuration section <c>HuaweiCloud</c> as bound: a phase service acts on Huawei Cloud only when
/// <see cref="AccessKeyId"/> is set (an AWS-only deployment leaves the section out).
/// </summary>
public sealed class HuaweiCloudSection
{
    public string? IamEndpoint { get; set; }

    public string? CtsEndpoint { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public TimeSpan? CallTimeout { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessKeyId);

    /// <summary>The client options; throws <see cref="ArgumentException"/> naming the key when they cannot work.</summary>
    public HuaweiCloudOptions ToOptions()
    {
        var defaults = new HuaweiCloudOptions { Credentials = new HuaweiCredentials(AccessKeyId ?? "", SecretAccessKey ?? "") };
        if (IamEndpoint is not null && !Uri.TryCreate(IamEndpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"{HuaweiCloudOptions.SectionName}:IamEndpoint '{IamEndpoint}' must be an absolute http(s) URL such as https://iam.myhuaweicloud.com");
        }

        var options = defaults with
        {
            IamEndpoint = IamEndpoint is null ? defaults.IamEndpoint : new Uri(IamEndpoint),
            CtsEndpoint = CtsEndpoint ?? defaults.CtsEndpoint,
            CallTimeout = CallTimeout ?? defaults.CallTimeout,
        };
        options.Validate();
        return options;
    }

    // The secret never reaches a log line or an assertion message.
    public override string ToString() => $"HuaweiCloudSection {{ IamEndpoint = {IamEndpoint}, CtsEndpoint = {CtsEndpoint}, AccessKeyId = {AccessKeyId} }}";
}
