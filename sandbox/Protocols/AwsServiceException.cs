namespace CredIr.Sandbox.Protocols;

/// <summary>An AWS error as the service returns it: code, message, HTTP status, fault side.</summary>
internal sealed class AwsServiceException(string code, string message, int status = 400, bool sender = true) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public bool Sender { get; } = sender;
    /// <summary>Whether CloudTrail records the failed call (AWS does not record calls it could not authenticate).</summary>
    public bool Recorded { get; init; } = true;
    /// <summary>S3: the region of the bucket a request was signed for the wrong region for (x-amz-bucket-region, and Region in the body).</summary>
    public string? BucketRegion { get; init; }
}
