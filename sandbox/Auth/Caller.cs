using CredIr.Sandbox.Model;

namespace CredIr.Sandbox.Auth;

/// <summary>Who signed a request, resolved from its access key.</summary>
internal sealed record Caller(CallerType Type, string AccountId, string Arn, string PrincipalId, string AccessKeyId)
{
    /// <summary>The IAM user's name (IAMUser, and the issuer of a federation token) or the role's name (AssumedRole).</summary>
    public string? IdentityName { get; init; }
    public StsSession? Session { get; init; }

    /// <summary>The name CloudTrail's LookupEvents reports as Username.</summary>
    public string Username => Type switch
    {
        CallerType.AssumedRole or CallerType.FederatedUser => Session?.SessionName ?? "",
        CallerType.Root => "root",
        _ => IdentityName ?? "",
    };
}
