using System.Net;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// Sends one operation's requests for one service, credentials, account and region: rate limit,
/// sign (fresh credentials and time on every attempt), send, read, turn errors into
/// <see cref="AwsServiceException"/>, retry what is retryable, log each attempt.
/// </summary>
internal sealed class AwsChannel
{
    private readonly AwsRuntime _runtime;
    private readonly AWSCredentials _credentials;

    public AwsChannel(AwsRuntime runtime, AwsServiceInfo service, AWSCredentials credentials, string region, string? accountId)
    {
        _runtime = runtime;
        _credentials = credentials;
        Service = service;
        Region = region;
        AccountId = accountId;
        Endpoint = runtime.Endpoints.Resolve(service.Kind, region);
    }

    public AwsServiceInfo Service { get; }

    public string Region { get; }

    public string? AccountId { get; }

    public AwsEndpoint Endpoint { get; }

    public AwsRuntime Runtime => _runtime;

    private string AccountLabel => AccountId ?? "caller";

    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var state = new CallState(this, request);
        try
        {
            return await _runtime.Pipeline.ExecuteAsync(
                static (s, ct) => new ValueTask<AwsHttpResponse>(s.Channel.AttemptAsync(s, ct)), state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Cancelled between an attempt's failure and the retry decision: the caller asked to stop, so say that.
            throw new OperationCanceledException($"{Service.EndpointPrefix} {request.Operation} was cancelled after attempt {state.Attempts}.", ex, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            ex.Attempts = state.Attempts;
            throw;
        }
    }

    private async Task<AwsHttpResponse> AttemptAsync(CallState state, CancellationToken cancellationToken)
    {
        try
        {
            return await AttemptOnceAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (!state.Renewed && _credentials is AssumedRoleCredentials assumed && IsIdentityPolicyDeny(error))
        {
            // Revoking a role's older sessions (containment does it to the response role when the actor held a
            // session of it) denies every session issued before, ours too: a fresh one is issued after the
            // cut-off. Once per call, so a real deny costs one AssumeRole and is then reported.
            state.Renewed = true;
            assumed.Forget(state.Signed!);
            AwsLog.SessionRenewedAfterDeny(_runtime.Logger, Service.EndpointPrefix, state.Request.Operation, AccountLabel, Region, assumed.RoleArn);
            return await AttemptOnceAsync(state, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AwsHttpResponse> AttemptOnceAsync(CallState state, CancellationToken cancellationToken)
    {
        var attempt = ++state.Attempts;
        using var lease = await _runtime.Limiters.AcquireAsync(state.Request.RateLimit, AccountId, Region, cancellationToken).ConfigureAwait(false);
        var credentials = await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        state.Signed = credentials;
        using var message = AwsSigner.Sign(state.Request, Endpoint, Service.SigningName, credentials, _runtime.Time.GetUtcNow());

        // Not signed, as in the AWS SDKs: proxies may rewrite it.
        message.Headers.TryAddWithoutValidation("User-Agent", _runtime.Options.UserAgent);
        HttpResponseMessage response;
        try
        {
            response = await _runtime.Http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsRetryPipeline.IsRetryable(ex) && !cancellationToken.IsCancellationRequested)
        {
            AwsLog.TransportError(_runtime.Logger, Service.EndpointPrefix, state.Request.Operation, AccountLabel, Region, attempt, ex.GetType().Name);
            throw;
        }

        using (response)
        {
            var headers = ReadHeaders(response);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var requestId = AwsHeaders.RequestId(headers);
                AwsLog.Succeeded(_runtime.Logger, Service.EndpointPrefix, state.Request.Operation, AccountLabel, Region, attempt, response.StatusCode, requestId);
                return new AwsHttpResponse(response.StatusCode, headers, body, requestId);
            }

            throw Fail(state.Request.Operation, response.StatusCode, headers, body, credentials, attempt);
        }
    }

    private static bool IsIdentityPolicyDeny(AwsServiceException error) =>
        error.Code is "AccessDenied" or "AccessDeniedException"
        && error.ErrorMessage.Contains("with an explicit deny in an identity-based policy", StringComparison.Ordinal);

    private AwsServiceException Fail(string operation, HttpStatusCode status, Dictionary<string, string> headers, byte[] body, ImmutableCredentials credentials, int attempt)
    {
        var (code, message, requestId) = AwsErrorParser.Parse(status, headers, body);
        var error = new AwsServiceException(Service.EndpointPrefix, operation, status, code, Redact(message, credentials), requestId) { Attempts = attempt, BucketRegion = BucketRegion(headers, body) };
        AwsLog.ServiceError(_runtime.Logger, Service.EndpointPrefix, operation, AccountLabel, Region, attempt, code, status, requestId, error.IsRetryable);
        return error;
    }

    // S3 names the bucket's region in a header, and in the body of an AuthorizationHeaderMalformed (botocore reads both).
    private string? BucketRegion(Dictionary<string, string> headers, byte[] body)
    {
        if (Service.Kind != AwsServiceKind.S3)
        {
            return null;
        }

        if (headers.TryGetValue("x-amz-bucket-region", out var region) && region.Length > 0)
        {
            return region;
        }

        var text = System.Text.Encoding.UTF8.GetString(body);
        var start = text.IndexOf("<Region>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</Region>", start, StringComparison.Ordinal);
        return end > start ? text[(start + "<Region>".Length)..end] : null;
    }

    // A service never echoes a secret, but an emulator or a proxy might: the message is the one place it could slip through.
    private static string Redact(string message, ImmutableCredentials credentials)
    {
        if (!string.IsNullOrEmpty(credentials.SecretKey))
        {
            message = message.Replace(credentials.SecretKey, "[redacted]", StringComparison.Ordinal);
        }

        return string.IsNullOrEmpty(credentials.Token) ? message : message.Replace(credentials.Token, "[redacted]", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = string.Join(',', values);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = string.Join(',', values);
        }

        return headers;
    }

    private sealed class CallState(AwsChannel channel, AwsHttpRequest request)
    {
        public AwsChannel Channel { get; } = channel;

        public AwsHttpRequest Request { get; } = request;

        public int Attempts { get; set; }

        /// <summary>Whether this call already assumed its role again after an explicit deny.</summary>
        public bool Renewed { get; set; }

        /// <summary>The credentials the last attempt was signed with.</summary>
        public ImmutableCredentials? Signed { get; set; }
    }
}
