using System.Diagnostics.CodeAnalysis;
using CredIr.Sandbox.Iam.Policies.Internal;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// An IAM policy document parsed once into an immutable model. Parse it when it is stored (CreatePolicy,
/// PutUserPolicy, CreateRole ...) and keep the result: evaluation never re-reads the JSON.
/// </summary>
public sealed class PolicyDocument
{
    internal PolicyDocument(string text, PolicyDocumentKind kind, string version, string? id, PolicyStatement[] statements)
    {
        Text = text;
        Kind = kind;
        Version = version;
        Id = id;
        Statements = statements;
    }

    /// <summary>The JSON as submitted, which IAM returns unchanged (URL-encoded) from GetPolicyVersion and friends.</summary>
    public string Text { get; }

    public PolicyDocumentKind Kind { get; }

    /// <summary>"2012-10-17", or "2008-10-17" (also when the document omits Version; then policy variables are literal text).</summary>
    public string Version { get; }

    public string? Id { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Parses and validates <paramref name="json"/> for its use.</summary>
    /// <exception cref="MalformedPolicyDocumentException">The document is not one IAM would accept; the message says why.</exception>
    public static PolicyDocument Parse(string json, PolicyDocumentKind kind = PolicyDocumentKind.Identity) =>
        PolicyParser.Parse(json, kind);

    public static bool TryParse(
        string json, PolicyDocumentKind kind, [NotNullWhen(true)] out PolicyDocument? document, [NotNullWhen(false)] out string? error)
    {
        try
        {
            document = PolicyParser.Parse(json, kind);
            error = null;
            return true;
        }
        catch (MalformedPolicyDocumentException e)
        {
            document = null;
            error = e.Message;
            return false;
        }
    }

    public override string ToString() => Text;
}
