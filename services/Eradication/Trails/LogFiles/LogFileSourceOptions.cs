namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>How the log-file source reads a folder.</summary>
public sealed class LogFileSourceOptions
{
    public const string SectionName = "Eradication:LogFiles";

    /// <summary>Files read at once (each on its own core).</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Items buffered between the readers and the consumer; bounds memory whatever the folder size.</summary>
    public int ChannelCapacity { get; set; } = 1024;

    /// <summary>
    /// The server folders a scan may read log files from (a request's log_location must be one of them or below);
    /// none by default, so a request can never make the service read a folder its operator did not choose.
    /// </summary>
    public string[] Roots { get; set; } = [];

    /// <summary>Whether a local folder is one of <see cref="Roots"/> or below it, compared as full paths.</summary>
    public bool IsUnderRoot(string location)
    {
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(location));
        }
        catch (ArgumentException)
        {
            return false;
        }

        foreach (var configured in Roots.Where(static r => !string.IsNullOrWhiteSpace(r)))
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
            // "/" keeps its separator when trimmed: it is its own prefix.
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (string.Equals(full, root, StringComparison.Ordinal) || full.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
