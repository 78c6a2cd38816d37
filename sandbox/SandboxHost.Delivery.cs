using CredIr.Sandbox.Model;
using CredIr.Sandbox.Services.S3;

namespace CredIr.Sandbox;

/// <summary>The trail delivered to S3, as an organization trail delivers it.</summary>
public sealed partial class SandboxHost
{
    /// <summary>
    /// Writes the trail's log files into <paramref name="bucket"/> in the sandbox's S3 (made in the management account
    /// when missing) under the organization trail's keys AWSLogs/ORG-ID/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/...,
    /// replacing what an earlier delivery wrote. Returns the number of log files.
    /// </summary>
    public async Task<int> DeliverTrailAsync(string bucket, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "credir-sandbox-delivery-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = await Trail.ExportAsync(folder, _state.OrganizationId, ct);
            var objects = new List<(string Key, byte[] Data)>(files.Count);
            foreach (var file in files)
            {
                objects.Add((Path.GetRelativePath(folder, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file, ct)));
            }

            lock (_state.Gate)
            {
                var target = _state.Accounts.Select(a => a.Buckets.GetValueOrDefault(bucket)).FirstOrDefault(b => b is not null);
                if (target is null)
                {
                    target = new S3Bucket(bucket, "us-east-1", _state.Clock.GetUtcNow());
                    _state.Management.Buckets[bucket] = target;
                }

                foreach (var (key, data) in objects)
                {
                    target.Versions.RemoveAll(v => v.Key == key);
                    target.Versions.Add(new S3ObjectVersion(key, "null", data, S3ETag.Of(data), _state.Clock.GetUtcNow(), "application/x-gzip"));
                }
            }

            return objects.Count;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
