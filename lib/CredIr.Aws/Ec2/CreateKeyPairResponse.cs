using System.Text;

namespace CredIr.Aws;

/// <summary>The new key pair with its private key, which EC2 shows only once. ToString never prints the private key.</summary>
public sealed record CreateKeyPairResponse(Ec2KeyPair KeyPair, string KeyMaterial, string? RequestId)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyPair = ").Append(KeyPair).Append(", KeyMaterial = [redacted], RequestId = ").Append(RequestId);
        return true;
    }
}
