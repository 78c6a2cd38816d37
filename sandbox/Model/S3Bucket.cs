namespace CredIr.Sandbox.Model;

internal sealed class S3Bucket(string name, string region, DateTimeOffset created)
{
    public string Name { get; } = name;
    public string Region { get; } = region;
    public DateTimeOffset Created { get; } = created;
    public bool Versioning { get; set; }
    /// <summary>The bucket policy as PutBucketPolicy stored it; evaluated as the bucket's resource-based policy.</summary>
    public string? Policy { get; set; }
    /// <summary>The bucket's tag set (PutBucketTagging replaces it whole); S3 tag keys are case-sensitive.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    /// <summary>Every version of every key, newest last; a delete marker has null Data.</summary>
    public List<S3ObjectVersion> Versions { get; } = [];

    public S3ObjectVersion? Current(string key)
    {
        for (var i = Versions.Count - 1; i >= 0; i--)
        {
            if (Versions[i].Key == key)
            {
                return Versions[i].IsDeleteMarker ? null : Versions[i];
            }
        }

        return null;
    }
}
