namespace CredIr.Aws;

/// <summary>A protocol-level request before signing: what the operation sends, not how it is signed.</summary>
internal sealed class AwsHttpRequest(string operation, HttpMethod method)
{
    public string Operation { get; } = operation;

    public HttpMethod Method { get; } = method;

    /// <summary>A path template such as "/{Bucket}/{Key+}"; placeholders are filled from <see cref="PathResources"/> and URL-encoded by the signer.</summary>
    public string ResourcePath { get; set; } = "/";

    public Dictionary<string, string> PathResources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Query { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[]? Body { get; set; }

    public string? ContentType { get; set; }

    /// <summary>Which rate limiter, if any, the request waits on before each attempt.</summary>
    public AwsRateLimit RateLimit { get; set; } = AwsRateLimit.None;

    /// <summary>S3 signs the path as sent; every other service double-encodes it.</summary>
    public bool UseDoubleEncoding { get; set; } = true;

    /// <summary>A host prefix (S3 virtual-hosted bucket names).</summary>
    public string? HostPrefix { get; set; }
}
