namespace CredIr.Aws;

/// <summary>Header names the protocols share.</summary>
internal static class AwsHeaders
{
    public static string? RequestId(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("x-amzn-RequestId", out var id) ? id
        : headers.TryGetValue("x-amz-request-id", out id) ? id
        : headers.TryGetValue("x-amzn-requestid", out id) ? id
        : null;
}
