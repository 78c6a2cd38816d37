using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace CredIr.Aws;

/// <summary>
/// What every client shares, for the life of the process: one HttpClient (from IHttpClientFactory
/// or long-lived), the options, the clock, the retry pipeline, the endpoint resolver and the rate
/// limiters. Create one, then a <see cref="AwsScope"/> per account and region.
/// </summary>
public sealed class AwsRuntime : IDisposable
{
    private readonly Lazy<string> _defaultRegion;

    /// <summary>Creates the runtime; the HttpClient is not disposed by it.</summary>
    /// <param name="httpClient">Sends every request.</param>
    /// <param name="options">Endpoints, retries and rate limits.</param>
    /// <param name="timeProvider">The clock (signing, expiry, retry delays).</param>
    /// <param name="loggerFactory">Where attempts are logged.</param>
    /// <param name="lookupEventsBudget">The LookupEvents budget shared beyond this process (a cluster's); none keeps it in the runtime.</param>
    public AwsRuntime(HttpClient httpClient, AwsClientOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ILookupEventsBudget? lookupEventsBudget = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Options = options ?? new AwsClientOptions();
        Options.Validate();
        Http = httpClient;
        Time = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger("CredIr.Aws");
        Endpoints = new AwsEndpointResolver(Options);
        Pipeline = AwsRetryPipeline.Create(Options, Time);
        Limiters = new AwsRateLimiters(Options, lookupEventsBudget);
        _defaultRegion = new Lazy<string>(() => Options.Region ?? AwsCredentialChain.ResolveRegion() ?? "us-east-1");
    }

    /// <summary>The options the runtime was built with.</summary>
    public AwsClientOptions Options { get; }

    /// <summary>The clock for signing, session expiry and retry delays.</summary>
    public TimeProvider Time { get; }

    /// <summary>Where each service's requests go.</summary>
    public AwsEndpointResolver Endpoints { get; }

    internal HttpClient Http { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger Logger { get; }

    internal ResiliencePipeline Pipeline { get; }

    internal AwsRateLimiters Limiters { get; }

    /// <summary>
    /// The region to use when none is given: the options, then AWS_REGION / AWS_DEFAULT_REGION and
    /// the profile (through AWSSDK.Core's region chain), else us-east-1.
    /// </summary>
    public string DefaultRegion => _defaultRegion.Value;

    /// <summary>Clients for one set of credentials in one region (of an account, when known).</summary>
    public AwsScope CreateScope(AWSCredentials credentials, string? region = null, string? accountId = null) =>
        new(this, credentials, region ?? DefaultRegion, accountId);

    /// <summary>Clients for the credentials AWSSDK.Core's default chain finds (environment, profiles, SSO, containers, instance metadata, web identity).</summary>
    public AwsScope CreateDefaultScope(string? region = null) =>
        CreateScope(AwsCredentialChain.Default(), region);

    /// <inheritdoc />
    public void Dispose() => Limiters.Dispose();
}
