using System.Diagnostics.CodeAnalysis;

namespace CredIr.Aws;

/// <summary>An Amazon Resource Name: <c>arn:partition:service:region:account-id:resource</c>.</summary>
public sealed record Arn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    /// <summary>The resource type before the first '/' or ':' (e.g. "user", "role", "assumed-role"), or empty.</summary>
    public string ResourceType
    {
        get
        {
            var cut = Resource.AsSpan().IndexOfAny('/', ':');
            return cut < 0 ? string.Empty : Resource[..cut];
        }
    }

    /// <summary>The resource after its type (e.g. "path/name" for a user, "role/session" for an assumed role).</summary>
    public string ResourceId
    {
        get
        {
            var cut = Resource.AsSpan().IndexOfAny('/', ':');
            return cut < 0 ? Resource : Resource[(cut + 1)..];
        }
    }

    /// <summary>The last '/'-separated segment of the resource (the name of a user or role without its path).</summary>
    public string ResourceName
    {
        get
        {
            var cut = Resource.LastIndexOf('/');
            return cut < 0 ? ResourceId : Resource[(cut + 1)..];
        }
    }

    /// <summary>Parses an ARN; throws <see cref="FormatException"/> when the text is not one.</summary>
    public static Arn Parse(string text) =>
        TryParse(text, out var arn) ? arn : throw new FormatException($"'{text}' is not an ARN (arn:partition:service:region:account:resource).");

    /// <summary>Parses an ARN without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The ARN of an IAM role in an account.</summary>
    public static Arn ForRole(AwsPartition partition, string accountId, string roleName, string path = "/") =>
        new(partition.Name, "iam", string.Empty, accountId, "role" + NormalizePath(path) + roleName);

    /// <summary>The ARN of an IAM user in an account.</summary>
    public static Arn ForUser(AwsPartition partition, string accountId, string userName, string path = "/") =>
        new(partition.Name, "iam", string.Empty, accountId, "user" + NormalizePath(path) + userName);

    /// <summary>The partition this ARN is in.</summary>
    public AwsPartition GetPartition() => AwsPartition.FromName(Partition);

    /// <inheritdoc />
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{Resource}";

    private static string NormalizePath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var start = path.StartsWith('/') ? path : "/" + path;
        return start.EndsWith('/') ? start : start + "/";
    }
}
