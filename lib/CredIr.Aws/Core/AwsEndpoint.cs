namespace CredIr.Aws;

/// <summary>Where a request goes and the region its signature is scoped to.</summary>
/// <param name="Url">The base URL of the service.</param>
/// <param name="SigningRegion">The region in the SigV4 credential scope.</param>
/// <param name="IsOverridden">True when the URL came from configuration (an emulator such as the sandbox), not from AWS's naming rules.</param>
public sealed record AwsEndpoint(Uri Url, string SigningRegion, bool IsOverridden);
