using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests;

/// <summary>Minimal records for table tests, written as CloudTrail JSON and parsed the real way.</summary>
internal static class Records
{
    public static CloudTrailRecord Make(string source, string name, string? requestJson = null, string? errorCode = null, bool readOnly = false)
    {
        var json = $$"""
            {"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventSource":"{{source}}","eventName":"{{name}}",
             "awsRegion":"us-east-1","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAEXAMPLE"},
             "requestParameters":{{requestJson ?? "null"}},"responseElements":null,
             {{(errorCode is null ? "" : $"\"errorCode\":\"{errorCode}\",")}}
             "readOnly":{{(readOnly ? "true" : "false")}},"eventID":"e-1","recipientAccountId":"111122223333"}
            """;
        return CloudTrailRecordParser.Parse(System.Text.Encoding.UTF8.GetBytes(json));
    }
}
