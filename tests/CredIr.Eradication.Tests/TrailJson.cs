using System.Text.Json.Nodes;

namespace CredIr.Eradication.Tests;

/// <summary>Builds CloudTrail records as JSON, shaped like real ones, for scenario files.</summary>
internal static class TrailJson
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject User(string account, string user, string key) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = "AIDA" + user.ToUpperInvariant(),
        ["arn"] = $"arn:aws:iam::{account}:user/{user}",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["userName"] = user,
    };

    public static JsonObject Session(string account, string role, string session, string key) => new()
    {
        ["type"] = "AssumedRole",
        ["principalId"] = "AROA:" + session,
        ["arn"] = $"arn:aws:sts::{account}:assumed-role/{role}/{session}",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["arn"] = $"arn:aws:iam::{account}:role/{role}", ["userName"] = role, ["accountId"] = account },
            ["attributes"] = new JsonObject { ["creationDate"] = T0.ToString("O"), ["mfaAuthenticated"] = "false" },
        },
    };

    public static JsonObject Record(
        int minute, JsonObject identity, string source, string name, JsonNode? request = null, JsonNode? response = null,
        string? account = null, string region = "us-east-1", string? error = null, bool readOnly = false)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = identity.Parent is null ? identity : identity.DeepClone(),
            ["eventTime"] = T0.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["eventSource"] = source,
            ["eventName"] = name,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = "198.51.100.7",
            ["userAgent"] = "test",
            ["requestParameters"] = request,
            ["responseElements"] = response,
            ["requestID"] = Guid.NewGuid().ToString(),
            ["eventID"] = Guid.NewGuid().ToString(),
            ["readOnly"] = readOnly,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = account ?? (string?)identity["accountId"],
        };
        if (error is not null)
        {
            record["errorCode"] = error;
        }

        return record;
    }

    public static JsonObject CreateAccessKey(int minute, JsonObject caller, string forUser, string newKey) =>
        Record(minute, caller, "iam.amazonaws.com", "CreateAccessKey", new JsonObject { ["userName"] = forUser },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = newKey, ["status"] = "Active", ["userName"] = forUser, ["secretAccessKey"] = "wJalrSECRET" } });

    public static JsonObject AssumeRole(int minute, JsonObject caller, string roleArn, string session, string newKey, string? account = null) =>
        Record(minute, caller, "sts.amazonaws.com", "AssumeRole", new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = session },
            new JsonObject
            {
                ["credentials"] = new JsonObject { ["accessKeyId"] = newKey, ["sessionToken"] = "IQoSECRET", ["expiration"] = "Jan 1, 2024, 1:00:00 AM" },
                ["assumedRoleUser"] = new JsonObject { ["arn"] = $"arn:aws:sts::{roleArn.Split(':')[4]}:assumed-role/{roleArn.Split('/')[^1]}/{session}" },
            },
            account: account, readOnly: true);

    public static string File(params JsonObject[] records) => new JsonObject { ["Records"] = new JsonArray([.. records]) }.ToJsonString();
}
