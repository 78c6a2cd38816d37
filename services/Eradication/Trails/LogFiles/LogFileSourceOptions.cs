namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>How the log-file source reads a folder.</summary>
public sealed class LogFileSourceOptions
{
    public const string SectionName = "Eradication:LogFiles";

    /// <summary>Files read at once (each on its own core).</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Items buffered between the readers and the consumer; bounds memory whatever the folder size.</summary>
    public int ChannelCapacity { get; set; } = 1024;
}
