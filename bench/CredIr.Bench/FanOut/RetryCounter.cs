using Microsoft.Extensions.Logging;

namespace CredIr.Bench.FanOut;

/// <summary>Counts the AWS client's failed attempts (its warnings 2 and 3), so a run shows how often it was throttled or timed out.</summary>
internal sealed class RetryCounter : ILoggerProvider, ILogger
{
    private long _throttled;
    private long _other;

    public long Throttled => Interlocked.Read(ref _throttled);

    public long Other => Interlocked.Read(ref _other);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id is 2 or 3)
        {
            Interlocked.Increment(ref formatter(state, exception).Contains("Throttling", StringComparison.Ordinal) ? ref _throttled : ref _other);
        }
    }

    public void Dispose()
    {
    }
}
