using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CredIr.Bench.FanOut;

/// <summary>Prints the source's per-page trace (event 4103) of one account-region, with the time since the scan started.</summary>
internal sealed class LaneTrace(string lane) : ILoggerProvider, ILogger
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == 4103 && formatter(state, exception) is var text && text.Contains(lane, StringComparison.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Stopwatch.GetElapsedTime(_started).TotalSeconds,7:F2}s {text}"));
        }
    }

    public void Dispose()
    {
    }
}
