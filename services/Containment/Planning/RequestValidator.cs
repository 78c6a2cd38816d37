using System.Text.RegularExpressions;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Planning;

/// <summary>Checks the shape of the credentials a request names, before any cloud call (INVALID_ARGUMENT naming the field).</summary>
internal static partial class RequestValidator
{
    public static IReadOnlyList<ContainmentTarget> Validate(IReadOnlyList<Credential> credentials)
    {
        if (credentials.Count == 0)
        {
            throw Invalid("credentials: at least one credential is required.");
        }

        return credentials.Select(Validate).ToList();
    }

    public static ContainmentTarget Validate(Credential credential, int index)
    {
        var field = $"credentials[{index}]";
        var key = credential.AccessKeyId;
        if (string.IsNullOrEmpty(key) && string.IsNullOrEmpty(credential.PrincipalArn) && string.IsNullOrEmpty(credential.UserName)
            && string.IsNullOrEmpty(credential.RoleName) && credential.Kind != CredentialKind.Root)
        {
            throw Invalid($"{field}: names neither an access_key_id nor a principal_arn (or user_name / role_name).");
        }

        if (!string.IsNullOrEmpty(key) && !KeyId().IsMatch(key))
        {
            throw Invalid($"{field}.access_key_id: '{key}' is not an AWS access key id (AKIA... or ASIA..., upper-case letters and digits).");
        }

        Arn? arn = null;
        if (!string.IsNullOrEmpty(credential.PrincipalArn)
            && (!Arn.TryParse(credential.PrincipalArn, out arn) || AwsPartition.TryFromName(arn.Partition) is null
                || arn.Service is not ("iam" or "sts") || arn.AccountId.Length != 12))
        {
            throw Invalid($"{field}.principal_arn: '{credential.PrincipalArn}' is not an IAM or STS principal ARN (arn:aws:iam::123456789012:user/name; the partition aws, aws-us-gov or aws-cn).");
        }

        if (!string.IsNullOrEmpty(credential.AccountId) && !Account().IsMatch(credential.AccountId))
        {
            throw Invalid($"{field}.account_id: '{credential.AccountId}' is not a 12-digit AWS account id.");
        }

        var kind = credential.Kind != CredentialKind.Unspecified ? credential.Kind : Infer(credential, arn)
            ?? throw Invalid($"{field}.kind: cannot tell what kind of credential this is; set kind.");
        var target = new ContainmentTarget(index, credential, kind)
        {
            AccountId = !string.IsNullOrEmpty(credential.AccountId) ? credential.AccountId : arn?.AccountId ?? string.Empty,
            UserName = Nonempty(credential.UserName) ?? (arn?.ResourceType == "user" ? arn.ResourceName : null),
            RoleName = Nonempty(credential.RoleName) ?? RoleOf(arn),
            SessionName = Nonempty(credential.SessionName) ?? (arn?.ResourceType == "assumed-role" ? arn.ResourceName : null),
            InstanceProfileName = arn?.ResourceType == "instance-profile" ? arn.ResourceName : null,
        };
        return RequireNames(target, field);
    }

    private static ContainmentTarget RequireNames(ContainmentTarget target, string field) => target.Kind switch
    {
        CredentialKind.RoleSession or CredentialKind.Role when target.RoleName is null && target.InstanceProfileName is null =>
            throw Invalid($"{field}.principal_arn: a role or role session is contained through its role: give the role, assumed-role or instance-profile ARN, or role_name."),
        CredentialKind.FederationToken when target.UserName is null =>
            throw Invalid($"{field}.user_name: a federation token is contained through the IAM user that issued it: give user_name."),
        CredentialKind.IamUser or CredentialKind.LoginProfile when target.UserName is null =>
            throw Invalid($"{field}.user_name: give the user's name or ARN."),
        CredentialKind.SessionToken when target.UserName is null && target.AccessKeyId is null =>
            throw Invalid($"{field}.access_key_id: a session token needs its key id or its user."),
        CredentialKind.AccessKey when target.AccessKeyId is null =>
            throw Invalid($"{field}.access_key_id: an access key credential needs its key id."),
        CredentialKind.AccessKey when target.AccessKeyId!.StartsWith("ASIA", StringComparison.Ordinal) =>
            throw Invalid($"{field}.access_key_id: {target.AccessKeyId} is temporary (ASIA...): give the kind of session it is."),
        _ => target,
    };

    private static CredentialKind? Infer(Credential credential, Arn? arn)
    {
        var key = credential.AccessKeyId;
        var type = arn?.ResourceType;
        if (arn is not null && arn.Resource == "root")
        {
            return CredentialKind.Root;
        }

        if (key.StartsWith("AKIA", StringComparison.Ordinal))
        {
            return CredentialKind.AccessKey;
        }

        if (key.StartsWith("ASIA", StringComparison.Ordinal))
        {
            return type switch
            {
                "user" => CredentialKind.SessionToken,
                "federated-user" => CredentialKind.FederationToken,
                "assumed-role" or "role" => CredentialKind.RoleSession,
                _ => string.IsNullOrEmpty(credential.RoleName) ? (string.IsNullOrEmpty(credential.UserName) ? null : CredentialKind.SessionToken) : CredentialKind.RoleSession,
            };
        }

        return type switch
        {
            "user" => CredentialKind.IamUser,
            "role" or "instance-profile" => CredentialKind.Role,
            "assumed-role" => CredentialKind.RoleSession,
            _ => !string.IsNullOrEmpty(credential.RoleName) ? CredentialKind.Role : !string.IsNullOrEmpty(credential.UserName) ? CredentialKind.IamUser : null,
        };
    }

    private static string? RoleOf(Arn? arn) => arn?.ResourceType switch
    {
        "role" => arn.ResourceName,
        // assumed-role/ROLE/SESSION
        "assumed-role" => arn.ResourceId.Split('/')[0],
        _ => null,
    };

    private static string? Nonempty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    [GeneratedRegex("^A[SK]IA[A-Z0-9]{12,124}$")]
    private static partial Regex KeyId();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex Account();
}
