namespace CredIr.Sandbox.Model;

internal sealed record S3ObjectVersion(string Key, string VersionId, byte[]? Data, string ETag, DateTimeOffset Modified, string? ContentType)
{
    public bool IsDeleteMarker => Data is null;
}
