namespace CredIr.Aws;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs do: an explicit per-service override, then
/// an explicit global override, then AWS_ENDPOINT_URL_&lt;SERVICE&gt; and AWS_ENDPOINT_URL (unless
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), then AWS's own names. IAM and Organizations are
/// global: one endpoint per partition, signed for the partition's region; STS is regional.
/// </summary>
public sealed class AwsEndpointResolver
{
    private readonly AwsClientOptions _options;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a resolver reading overrides from the options and the process environment.</summary>
    public AwsEndpointResolver(AwsClientOptions options)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    internal AwsEndpointResolver(AwsClientOptions options, Func<string, string?> environment)
    {
        _options = options;
        _environment = environment;
    }

    /// <summary>The endpoint of a service in a region.</summary>
    public AwsEndpoint Resolve(AwsServiceKind service, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        var info = AwsServiceInfo.For(service);
        var partition = AwsPartition.ForRegion(region);
        var signingRegion = info.IsGlobal ? GlobalSigningRegion(info, partition) : region;
        var overridden = ConfiguredUrl(info);
        if (overridden is not null)
        {
            return new AwsEndpoint(overridden, signingRegion, IsOverridden: true);
        }

        var host = service switch
        {
            AwsServiceKind.Iam => partition.IamHost,
            AwsServiceKind.Organizations => $"organizations.{partition.OrganizationsRegion}.{partition.DnsSuffix}",
            _ => $"{info.EndpointPrefix}.{region}.{partition.DnsSuffix}",
        };
        return new AwsEndpoint(new Uri("https://" + host), signingRegion, IsOverridden: false);
    }

    private static string GlobalSigningRegion(AwsServiceInfo info, AwsPartition partition) =>
        info.Kind == AwsServiceKind.Organizations ? partition.OrganizationsRegion : partition.GlobalRegion;

    private Uri? ConfiguredUrl(AwsServiceInfo info)
    {
        if (_options.ServiceEndpoints.TryGetValue(info.Kind, out var perService))
        {
            return perService;
        }

        if (_options.EndpointUrl is not null)
        {
            return _options.EndpointUrl;
        }

        if (!_options.UseEnvironmentEndpoints
            || string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = _environment("AWS_ENDPOINT_URL_" + info.EnvironmentSuffix);
        if (string.IsNullOrWhiteSpace(text))
        {
            text = _environment("AWS_ENDPOINT_URL");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            ? url
            : throw new InvalidOperationException($"AWS_ENDPOINT_URL_{info.EnvironmentSuffix} / AWS_ENDPOINT_URL is not an absolute URL.");
    }
}
