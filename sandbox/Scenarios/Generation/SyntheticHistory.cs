using System.Globalization;

namespace CredIr.Sandbox.Scenarios.Generation;

/// <summary>
/// Management events written straight into a running sandbox's event history, shaped as CloudTrail writes
/// them: a workload user's routine calls, evenly spread over a time window. Fast enough for hundreds of
/// thousands of events, for benchmarks and scale tests (scenario steps are real signed calls, far slower).
/// </summary>
public static class SyntheticHistory
{
    private static readonly (string Source, string Name, bool ReadOnly)[] Calls =
    [
        ("ec2.amazonaws.com", "DescribeInstances", true),
        ("s3.amazonaws.com", "ListBuckets", true),
        ("ec2.amazonaws.com", "DescribeSecurityGroups", true),
        ("lambda.amazonaws.com", "ListFunctions20150331", true),
        ("ec2.amazonaws.com", "CreateTags", false),
        ("sts.amazonaws.com", "GetCallerIdentity", true),
    ];

    /// <summary>
    /// Adds <paramref name="eventsPer"/>(account, region) events to every account and region of the sandbox,
    /// spread over <paramref name="window"/> ending at <paramref name="until"/>. Returns how many were added.
    /// </summary>
    public static long Fill(SandboxHost sandbox, Func<string, string, int> eventsPer, DateTimeOffset until, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(eventsPer);
        long added = 0;
        foreach (var account in sandbox.Accounts)
        {
            var key = "AKIA" + account.AccountId.PadLeft(16, '0');
            foreach (var region in sandbox.Regions)
            {
                var count = eventsPer(account.AccountId, region);
                for (var i = 0; i < count; i++)
                {
                    // Oldest first, whole seconds as CloudTrail writes them: the history stays sorted without moving anything.
                    var at = until - window + (window * (i + 1) / (count + 1));
                    at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                    sandbox.Trail.Add(Event(sandbox.Trail.NextSequence(), account.AccountId, region, key, at, Calls[(int)(added % Calls.Length)]));
                    added++;
                }
            }
        }

        return added;
    }

    private static RecordedEvent Event(long sequence, string account, string region, string key, DateTimeOffset at, (string Source, string Name, bool ReadOnly) call)
    {
        var id = new Guid((int)(sequence >> 32), (short)(sequence >> 16), (short)sequence, 0x5e, 0x71, 0x7e, 0x71, 0xc0, 0xde, 0x00, 0x01).ToString();
        var time = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDA{{account}}WORK","arn":"arn:aws:iam::{{account}}:user/workload","accountId":"{{account}}","accessKeyId":"{{key}}","userName":"workload"},"eventTime":"{{time}}","eventSource":"{{call.Source}}","eventName":"{{call.Name}}","awsRegion":"{{region}}","sourceIPAddress":"192.0.2.44","userAgent":"aws-sdk-go-v2/1.30.3","requestParameters":null,"responseElements":null,"requestID":"{{id}}","eventID":"{{id}}","readOnly":{{(call.ReadOnly ? "true" : "false")}},"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"{{account}}","eventCategory":"Management"}""");
        return new RecordedEvent(id, call.Name, call.Source, at, account, region, key, "workload", call.ReadOnly, ManagementEvent: true, json)
        {
            Sequence = sequence,
            DeliverAt = at,
        };
    }
}
