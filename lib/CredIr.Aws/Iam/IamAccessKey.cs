using System.Text;

namespace CredIr.Aws;

/// <summary>A newly created access key with its secret, which AWS shows only once. ToString never prints the secret.</summary>
public sealed record IamAccessKey(string UserName, string AccessKeyId, AccessKeyStatus Status, string SecretAccessKey, DateTimeOffset? CreateDate)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName)
            .Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", Status = ").Append(Status)
            .Append(", SecretAccessKey = [redacted]");
        return true;
    }
}
