using Amazon.Runtime;

namespace CredIr.Containment.Cloud;

/// <summary>
/// The credentials the responder acts with (never the compromised ones): by default the AWS SDK's
/// chain (environment, profile, instance role), or whatever the host registers.
/// </summary>
public sealed class ResponderCredentials(AWSCredentials credentials)
{
    public AWSCredentials Credentials { get; } = credentials;

    public override string ToString() => "ResponderCredentials { [redacted] }";
}
