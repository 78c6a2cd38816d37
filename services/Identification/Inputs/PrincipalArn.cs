using System.Diagnostics.CodeAnalysis;
using CredIr.Aws;

namespace CredIr.Identification.Inputs;

/// <summary>A parsed IAM or STS principal ARN (user, role, assumed-role, federated-user, root).</summary>
public sealed record PrincipalArn(string Value, string Partition, string AccountId, PrincipalKind Kind, string Path, string Name, string? SessionName)
{
    /// <summary>For an assumed-role session, the ARN of the role behind it (path unknown, so "/").</summary>
    public string? RoleArn => Kind switch
    {
        PrincipalKind.Role => Value,
        PrincipalKind.AssumedRole => $"arn:{Partition}:iam::{AccountId}:role/{Name}",
        _ => null,
    };

    public static PrincipalArn Parse(string value, string field) =>
        TryParse(value, out var arn, out var error) ? arn : throw new InputValidationException(field, error);

    public static bool TryParse(string? value, [NotNullWhen(true)] out PrincipalArn? arn, [NotNullWhen(false)] out string? error)
    {
        arn = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "is empty; give an ARN such as arn:aws:iam::123456789012:user/alice";
            return false;
        }

        var parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn")
        {
            error = $"'{value}' is not an ARN (arn:partition:iam::account:user/name)";
            return false;
        }

        var (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5]);
        if (AwsPartition.TryFromName(partition) is null)
        {
            error = $"partition '{partition}' is not one of aws, aws-cn, aws-us-gov";
            return false;
        }

        if (service is not ("iam" or "sts"))
        {
            error = $"'{value}' is a {service} ARN; it does not name an IAM user, role, assumed-role session, federated user or root";
            return false;
        }

        if (region.Length != 0 || account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            error = $"'{value}' needs an empty region and a 12-digit account id";
            return false;
        }

        if (!TryParseResource(service, resource, out var kind, out var path, out var name, out var session))
        {
            error = $"'{value}' does not name an IAM user, role, assumed-role session, federated user or root";
            return false;
        }

        arn = new PrincipalArn(value, partition, account, kind, path, name, session);
        error = null;
        return true;
    }

    private static bool TryParseResource(string service, string resource, out PrincipalKind kind, out string path, out string name, out string? session)
    {
        (kind, path, name, session) = (PrincipalKind.Unknown, "/", "", null);
        if (service == "iam" && resource == "root")
        {
            (kind, name) = (PrincipalKind.Root, "root");
            return true;
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        var type = resource[..slash];
        var rest = resource[(slash + 1)..];
        var lastSlash = rest.LastIndexOf('/');
        switch (service, type)
        {
            case ("iam", "user"):
            case ("iam", "role"):
                kind = type == "user" ? PrincipalKind.IamUser : PrincipalKind.Role;
                path = lastSlash < 0 ? "/" : "/" + rest[..(lastSlash + 1)];
                name = rest[(lastSlash + 1)..];
                return name.Length > 0;
            case ("sts", "assumed-role"):
                var sep = rest.IndexOf('/', StringComparison.Ordinal);
                if (sep <= 0 || sep == rest.Length - 1)
                {
                    return false;
                }

                (kind, name, session) = (PrincipalKind.AssumedRole, rest[..sep], rest[(sep + 1)..]);
                return true;
            case ("sts", "federated-user"):
                (kind, name) = (PrincipalKind.FederatedUser, rest);
                return rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>The partition of a region name (cn-north-1 is aws-cn, us-gov-west-1 is aws-us-gov).</summary>
    public static string PartitionOf(string? region) => string.IsNullOrEmpty(region) ? AwsPartition.Aws.Name : AwsPartition.ForRegion(region).Name;
}
