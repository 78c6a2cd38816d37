namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// The sandbox's trail as delivered to S3, on local disk for DuckDB: the log files in the organization trail's
/// layout (AWSLogs/o-id/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/...), written again only when the trail has changed.
/// Each file answers to its organization-trail key and to its account-trail key (AWSLogs/ACCOUNT/...), so a table
/// over either layout finds it. Callers hold the engine's query lock.
/// </summary>
internal sealed class TrailSnapshot(SandboxTrail trail, string organizationId, string root) : IDisposable
{
    private long _version = -1;
    private string? _folder;
    private IReadOnlyList<SnapshotFile> _files = [];

    public async Task<IReadOnlyList<SnapshotFile>> FilesAsync(CancellationToken ct)
    {
        var version = trail.Version;
        if (version == _version && _folder is not null)
        {
            return _files;
        }

        var folder = Path.Combine(root, "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var written = await trail.ExportAsync(folder, organizationId, ct);
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        var orgPrefix = $"AWSLogs/{organizationId}/";
        _files = written.Select(path =>
        {
            var key = Path.GetRelativePath(folder, path).Replace('\\', '/');
            return new SnapshotFile(path, key, "AWSLogs/" + key[orgPrefix.Length..], new FileInfo(path).Length);
        }).ToList();
        _folder = folder;
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
