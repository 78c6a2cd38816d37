namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// A parsed policy and the name it is known by: the managed policy ARN, or the inline policy name
/// (for diagnostics only; AWS never names the policy in an AccessDenied message).
/// </summary>
public sealed record NamedPolicy(string Name, PolicyDocument Document)
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="MalformedPolicyDocumentException"/> when IAM would refuse it.</summary>
    public static NamedPolicy Parse(string name, string json, PolicyDocumentKind kind = PolicyDocumentKind.Identity) =>
        new(name, PolicyDocument.Parse(json, kind));
}
