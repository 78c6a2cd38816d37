namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// The caller of a request.
/// </summary>
/// <param name="Arn">
/// The caller's ARN as AWS reports it: arn:aws:iam::ACCOUNT:root, arn:aws:iam::ACCOUNT:user/PATH/NAME,
/// arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, arn:aws:sts::ACCOUNT:federated-user/NAME; for
/// <see cref="PrincipalType.Service"/> the service name, for web identity / SAML the provider.
/// </param>
/// <param name="AccountId">The 12-digit account the caller belongs to.</param>
/// <param name="Type">What kind of caller this is.</param>
/// <param name="RoleArn">For an assumed-role session, the role's IAM ARN with its path (arn:aws:iam::ACCOUNT:role/PATH/NAME).</param>
public sealed record RequestPrincipal(string Arn, string AccountId, PrincipalType Type, string? RoleArn = null)
{
    /// <summary>The value of aws:PrincipalArn: the role ARN for a role session, the caller's ARN otherwise.</summary>
    public string PrincipalArnKey => Type == PrincipalType.AssumedRole && RoleArn is not null ? RoleArn : Arn;

    /// <summary>The value of aws:PrincipalType.</summary>
    public string PrincipalTypeKey => Type switch
    {
        PrincipalType.Root => "Account",
        PrincipalType.User => "User",
        PrincipalType.AssumedRole => "AssumedRole",
        PrincipalType.FederatedUser => "FederatedUser",
        _ => "Service",
    };

    public static RequestPrincipal Root(string accountId) =>
        new($"arn:aws:iam::{accountId}:root", accountId, PrincipalType.Root);

    public static RequestPrincipal User(string accountId, string userName, string path = "/") =>
        new($"arn:aws:iam::{accountId}:user{NormalizePath(path)}{userName}", accountId, PrincipalType.User);

    public static RequestPrincipal AssumedRole(string accountId, string roleName, string sessionName, string path = "/") =>
        new($"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}", accountId, PrincipalType.AssumedRole,
            $"arn:aws:iam::{accountId}:role{NormalizePath(path)}{roleName}");

    public static RequestPrincipal FederatedUser(string accountId, string name) =>
        new($"arn:aws:sts::{accountId}:federated-user/{name}", accountId, PrincipalType.FederatedUser);

    public static RequestPrincipal Service(string serviceName) => new(serviceName, string.Empty, PrincipalType.Service);

    private static string NormalizePath(string path)
    {
        var p = string.IsNullOrEmpty(path) ? "/" : path;
        p = p.StartsWith('/') ? p : "/" + p;
        return p.EndsWith('/') ? p : p + "/";
    }
}
