using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CredIr.Aws;

/// <summary>
/// Credentials and region the way every AWS SDK finds them, through AWSSDK.Core: environment
/// variables, the shared credentials and config files (AWS_SHARED_CREDENTIALS_FILE,
/// AWS_CONFIG_FILE, AWS_PROFILE; static, SSO, credential_process and assume-role profiles, the
/// latter through AWSSDK.SecurityToken), web identity, container and instance metadata.
/// </summary>
public static class AwsCredentialChain
{
    /// <summary>The first credentials the default chain finds; throws AmazonClientException when there are none.</summary>
    public static AWSCredentials Default() => DefaultAWSCredentialsIdentityResolver.GetCredentials(null);

    /// <summary>Credentials of a named profile in the shared files, or null when there is no such profile.</summary>
    public static AWSCredentials? FromProfile(string profileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileName);
        var chain = new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain();
        return chain.TryGetAWSCredentials(profileName, out var credentials) ? credentials : null;
    }

    /// <summary>Long-term or temporary keys given directly (a session token makes them temporary).</summary>
    public static AWSCredentials FromKeys(string accessKeyId, string secretAccessKey, string? sessionToken = null) =>
        string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
            : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);

    /// <summary>
    /// The region from AWS_REGION, AWS_DEFAULT_REGION or the profile; null when none is set.
    /// Instance metadata is not asked: off EC2 it only costs a timeout.
    /// </summary>
    public static string? ResolveRegion()
    {
        FallbackRegionFactory.Reset();
        return FallbackRegionFactory.GetRegionEndpoint(false)?.SystemName;
    }
}
