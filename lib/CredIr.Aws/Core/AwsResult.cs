namespace CredIr.Aws;

/// <summary>The result of an operation that returns nothing but its request id.</summary>
public sealed record AwsResult(string? RequestId);
