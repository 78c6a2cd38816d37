namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>Where log files are: a local folder or an S3 prefix. Lists the candidates for a query and opens one.</summary>
internal interface ILogFileStore
{
    /// <summary>The folder or s3:// location, for logs.</summary>
    string Root { get; }

    /// <summary>The log files that may hold the query's records (a store may prune by its layout; the source prunes again by path).</summary>
    Task<IReadOnlyList<LogFilePath>> ListAsync(TrailQuery query, CancellationToken cancellationToken);

    /// <summary>The file's records as a stream, decompressed.</summary>
    Task<Stream> OpenAsync(string path, CancellationToken cancellationToken);

    /// <summary>The file's name relative to the root: the checkpoint unit.</summary>
    string Unit(string path);

    static bool IsLogFile(string path) =>
        (path.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        && !path.Replace('\\', '/').Contains("/CloudTrail-Digest/", StringComparison.Ordinal);
}
