using Microsoft.Extensions.Options;

namespace CredIr.Identification.Cmdb;

/// <summary>
/// The CMDB as of the file's last write: edited by people during an incident, so it is re-read when it changes
/// rather than only at start-up.
/// </summary>
public sealed class CmdbStore(IOptions<IdentificationOptions> options)
{
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, CmdbDocument Document)? _cached;

    public CmdbDocument Current()
    {
        var path = options.Value.CmdbPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return new CmdbDocument();
        }

        var writtenAt = File.GetLastWriteTimeUtc(path);
        lock (_gate)
        {
            if (_cached is { } cached && cached.WrittenAt == writtenAt)
            {
                return cached.Document;
            }

            var document = CmdbLoader.Load(path);
            _cached = (writtenAt, document);
            return document;
        }
    }
}
