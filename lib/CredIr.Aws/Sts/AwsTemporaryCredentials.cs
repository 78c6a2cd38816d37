using System.Text;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>Temporary credentials from STS. The secret and the token never appear in ToString.</summary>
public sealed record AwsTemporaryCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration)
{
    /// <summary>The credentials as AWSSDK.Core credentials, to sign with.</summary>
    public AWSCredentials ToAwsCredentials() => new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessKeyId = ").Append(AccessKeyId)
            .Append(", SecretAccessKey = [redacted], SessionToken = [redacted], Expiration = ")
            .Append(Expiration.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
