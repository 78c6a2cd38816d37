using System.IO.Compression;

namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>Log files under a local folder (recursive, the S3 delivery layout or flat).</summary>
internal sealed class LocalLogFileStore(string root) : ILogFileStore
{
    public string Root => root;

    public Task<IReadOnlyList<LogFilePath>> ListAsync(TrailQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LogFilePath>>(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(ILogFileStore.IsLogFile)
            .Select(LogFilePath.Parse)
            .ToList());

    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<Stream>(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file);
    }

    public string Unit(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
