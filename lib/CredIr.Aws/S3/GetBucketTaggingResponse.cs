namespace CredIr.Aws;

/// <summary>A bucket's tags.</summary>
public sealed record GetBucketTaggingResponse(IReadOnlyDictionary<string, string> Tags, string? RequestId);
