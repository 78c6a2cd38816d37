using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Aws;

namespace CredIr.Eradication.Execution;

/// <summary>
/// The bucket policy that isolates a bucket kept for forensics: every S3 action by anyone is denied except by the
/// responder's principal (the response role in a member account), so the evidence stays readable to responders only.
/// </summary>
internal static class IsolationPolicy
{
    public const string Sid = "CredIrForensicIsolation";

    public static string For(string bucket, string responderArn) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = Sid,
            ["Effect"] = "Deny",
            ["Principal"] = "*",
            ["Action"] = "s3:*",
            ["Resource"] = new JsonArray(Partition(responderArn).S3Arn(bucket), Partition(responderArn).S3Arn(bucket, "*")),
            ["Condition"] = new JsonObject
            {
                ["ArnNotLike"] = new JsonObject { ["aws:PrincipalArn"] = PrincipalArn(responderArn) },
            },
        }),
    }.ToJsonString();

    // The bucket is in the responder's partition: an organization never spans partitions.
    private static AwsPartition Partition(string responderArn) => AwsPartition.TryFromArn(responderArn) ?? AwsPartition.Aws;

    /// <summary>Whether a stored policy is already this isolation (compared as JSON, not as text).</summary>
    public static bool IsIsolation(string? policy, string bucket, string responderArn)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return false;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(policy), JsonNode.Parse(For(bucket, responderArn)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>aws:PrincipalArn of a role session is the role's ARN, not the session's.</summary>
    internal static string PrincipalArn(string callerArn)
    {
        var parts = callerArn.Split(':', 6);
        if (parts.Length == 6 && parts[2] == "sts" && parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var role = parts[5]["assumed-role/".Length..].Split('/')[0];
            return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
        }

        return callerArn;
    }
}
