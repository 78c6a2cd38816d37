using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CredIr.Hosting.Tests.Support;

/// <summary>Every log entry a test host writes, at every level, for tests that assert what is (not) logged as an error.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, EventId Id, Exception? Exception, string Message)> _entries = new();
    private readonly TaskCompletionSource _callEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<(LogLevel Level, string Category, EventId Id, Exception? Exception, string Message)> Entries => _entries;

    /// <summary>Completes when the host logged a call its client cancelled.</summary>
    public Task CallEnded => _callEnded.Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            sink._entries.Enqueue((logLevel, category, eventId, exception, message));
            if (category.EndsWith("ErrorMappingInterceptor", StringComparison.Ordinal) && message.Contains("cancelled", StringComparison.Ordinal))
            {
                sink._callEnded.TrySetResult();
            }
        }
    }
}
