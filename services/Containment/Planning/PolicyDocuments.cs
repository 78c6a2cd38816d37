using System.Globalization;
using System.Text.Json.Nodes;

namespace CredIr.Containment.Planning;

/// <summary>The policy documents containment writes.</summary>
internal static class PolicyDocuments
{
    /// <summary>The inline policy name the IAM console's "Revoke active sessions" writes on a role.</summary>
    public const string AwsRevokeOlderSessions = "AWSRevokeOlderSessions";

    public const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Sid":"CredIrDenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}""";

    /// <summary>
    /// A trust policy that lets nobody assume the role: no Allow is left, and an explicit Deny for
    /// every principal covers each way of assuming a role (IAM accepts Principal "*" with Deny).
    /// </summary>
    public const string LockedTrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"CredIrLocked","Effect":"Deny","Principal":"*","Action":["sts:AssumeRole","sts:AssumeRoleWithSAML","sts:AssumeRoleWithWebIdentity"]}]}""";

    /// <summary>
    /// The console's AWSRevokeOlderSessions document: deny everything to sessions issued before the
    /// time. Long-term keys carry no aws:TokenIssueTime, so they are untouched by it.
    /// </summary>
    public static string RevokeOlderSessions(DateTimeOffset issuedBefore) =>
        """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"""
        + "\"" + issuedBefore.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"}}}]}";

    /// <summary>The cut-off of an older-sessions deny written by <see cref="RevokeOlderSessions"/>, or null for any other document.</summary>
    public static DateTimeOffset? CutOffOf(string? document)
    {
        if (document is null || JsonNode.Parse(document)?["Statement"]?[0]?["Condition"]?["DateLessThan"]?["aws:TokenIssueTime"]?.GetValue<string>() is not { } value)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    public static string UserRevokePolicyName(string incidentId) => Name("credir-revoke-older-sessions-", incidentId);

    public static string DenyAllPolicyName(string incidentId) => Name("credir-deny-all-", incidentId);

    /// <summary>Two documents are the same policy when their JSON is equal (IAM may reformat whitespace).</summary>
    public static bool SameDocument(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }
    }

    // IAM policy names: 1-128 of [\w+=,.@-].
    private static string Name(string prefix, string incidentId)
    {
        var id = string.Concat((string.IsNullOrEmpty(incidentId) ? "adhoc" : incidentId)
            .Select(static c => char.IsAsciiLetterOrDigit(c) || c is '+' or '=' or ',' or '.' or '@' or '-' or '_' ? c : '-'));
        var name = prefix + id;
        return name.Length <= 128 ? name : name[..128];
    }
}
