using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests;

internal static class Sources
{
    public static LogFileTrailSource LogFiles(string root, int parallelism = 2) =>
        new(root, new LogFileSourceOptions { MaxParallelism = parallelism }, NullLogger<LogFileTrailSource>.Instance);

    public static ClosureEngine Engine(string root) =>
        new(LogFiles(root), new EventClassifier(), new RecordExtractor(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    public static async Task<List<ClosureUpdate>> RunAsync(string root, ClosureRequest request)
    {
        var updates = new List<ClosureUpdate>();
        await foreach (var update in Engine(root).RunAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }
}
