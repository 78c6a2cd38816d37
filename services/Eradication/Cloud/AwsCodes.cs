using CredIr.Aws;

namespace CredIr.Eradication.Cloud;

/// <summary>What AWS's error codes mean for eradication: the resource is already gone, or AWS refused because something still depends on it.</summary>
internal static class AwsCodes
{
    private static readonly HashSet<string> Gone = new(StringComparer.Ordinal)
    {
        "NoSuchEntity", "NoSuchBucket", "NoSuchKey", "NotFound", "ResourceNotFoundException",
        "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed",
    };

    public static bool IsGone(Exception error) => error is AwsServiceException aws && Gone.Contains(aws.Code);

    public static bool IsCloudError(Exception error) =>
        error is AwsServiceException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException;

    public static string Describe(Exception error) => error is AwsServiceException aws
        ? $"{aws.Service} {aws.Operation} failed: {aws.Code}: {aws.ErrorMessage}"
        : $"AWS could not be reached ({error.GetType().Name}).";
}
