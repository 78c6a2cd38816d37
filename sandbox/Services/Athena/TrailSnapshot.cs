namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// The sandbox's trail as delivered to S3, on local disk for DuckDB: the log files in the organization trail's
/// layout (AWSLogs/o-id/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/...). Once the trail has changed, only the files of the
/// account, region and 5 minutes that changed are written again (in place: a file keeps its name).
/// Each file answers to its organization-trail key and to its account-trail key (AWSLogs/ACCOUNT/...), so a table
/// over either layout finds it. Callers hold the engine's query lock.
/// </summary>
internal sealed class TrailSnapshot(SandboxTrail trail, string organizationId, string root) : IDisposable
{
    private readonly Dictionary<string, SnapshotFile> _byPath = new(StringComparer.Ordinal);
    private long _version = -1;
    private IReadOnlyList<SnapshotFile> _files = [];

    public async Task<IReadOnlyList<SnapshotFile>> FilesAsync(CancellationToken ct)
    {
        if (trail.Version == _version)
        {
            return _files;
        }

        var (version, written) = await trail.ExportAsync(root, organizationId, _version, ct);
        var orgPrefix = $"AWSLogs/{organizationId}/";
        foreach (var path in written)
        {
            var key = Path.GetRelativePath(root, path).Replace('\\', '/');
            _byPath[path] = new SnapshotFile(path, key, "AWSLogs/" + key[orgPrefix.Length..], new FileInfo(path).Length);
        }

        if (written.Count > 0)
        {
            // A busy window's parts may have moved: a part the export removed is no longer read.
            foreach (var gone in _byPath.Keys.Where(path => !File.Exists(path)).ToList())
            {
                _byPath.Remove(gone);
            }

            // Oldest delivery first, as the trail's files arrive.
            _files = [.. _byPath.Values.OrderBy(f => Path.GetFileName(f.Path).Split('_')[3], StringComparer.Ordinal).ThenBy(f => f.OrganizationKey, StringComparer.Ordinal)];
        }

        _version = version;
        return _files;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the sandbox is shutting down.
        }
    }
}

/// <summary>One delivered log file: where it is on disk, its keys in both layouts, its size (what a query scanning it is billed).</summary>
internal sealed record SnapshotFile(string Path, string OrganizationKey, string AccountKey, long Size);
