using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CredIr.Aws;

/// <summary>
/// The retry policy of every call: jittered exponential backoff for throttling, 5xx and
/// transport failures (including an attempt that times out), never for a client error.
/// </summary>
internal static class AwsRetryPipeline
{
    public static ResiliencePipeline Create(AwsClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested && IsRetryable(args.Outcome.Exception)),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public static bool IsRetryable(Exception? exception) => exception switch
    {
        AwsServiceException aws => aws.IsRetryable,
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        // HttpClient.Timeout surfaces as a cancellation carrying a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
