using System.IO.Compression;
using System.Text;

namespace CredIr.Eradication.Tests;

/// <summary>A scratch folder of log files, deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "credir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (relative.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(full);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        else
        {
            File.WriteAllText(full, content);
        }

        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
