using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Trail;

/// <summary>Turns each finished call into CloudTrail records with AWS's fields.</summary>
internal sealed class TrailRecorder(SandboxTrail trail, SandboxState state, bool dataEventsEnabled)
{
    public const string EventVersion = "1.09";

    public void Record(SandboxCall call, AwsServiceException? error)
    {
        var dataEvent = call.DataEvent;
        if (dataEvent && !dataEventsEnabled)
        {
            return;
        }

        // IAM and other global services land in the partition's home region (us-east-1,
        // us-gov-west-1, cn-north-1), as in AWS.
        var region = call.Service.IsGlobal ? state.Partition.HomeRegion : call.Region;
        var readOnly = call.ReadOnly ?? IsReadOnly(call.Operation);
        // CloudTrail times have whole seconds.
        var time = new DateTimeOffset(call.Time.UtcTicks - (call.Time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var accounts = new List<string> { call.Caller.AccountId };
        accounts.AddRange(call.AlsoRecordIn.Where(a => a != call.Caller.AccountId));
        var shared = accounts.Count > 1 ? state.Ids.Guid().ToString() : null;
        foreach (var account in accounts)
        {
            var eventId = state.Ids.Guid().ToString();
            var record = new JsonObject
            {
                ["eventVersion"] = EventVersion,
                ["userIdentity"] = UserIdentity.Of(call.Caller, state),
                ["eventTime"] = X.Time(time),
                ["eventSource"] = call.Service.EventSource,
                ["eventName"] = call.Operation,
                ["awsRegion"] = region,
                ["sourceIPAddress"] = call.SourceIp,
                ["userAgent"] = call.UserAgent,
            };
            if (error is not null)
            {
                record["errorCode"] = error.Code;
                record["errorMessage"] = error.Message;
            }

            record["requestParameters"] = call.RequestParameters?.DeepClone();
            record["responseElements"] = error is null ? call.ResponseElements?.DeepClone() : null;
            if (call.AdditionalEventData is { } extra)
            {
                record["additionalEventData"] = extra.DeepClone();
            }

            record["requestID"] = call.RequestId;
            record["eventID"] = eventId;
            record["readOnly"] = readOnly;
            // LookupEvents indexes names and ARNs alike; the record itself lists only ARNs, as AWS does.
            var arns = call.Resources.Where(r => r.Arn.StartsWith("arn:", StringComparison.Ordinal)).ToList();
            if (arns.Count > 0)
            {
                record["resources"] = new JsonArray(arns.Select(r => (JsonNode)new JsonObject
                {
                    ["accountId"] = account,
                    ["type"] = r.Type,
                    ["ARN"] = r.Arn,
                }).ToArray());
            }

            record["eventType"] = "AwsApiCall";
            record["managementEvent"] = !dataEvent;
            record["recipientAccountId"] = account;
            if (shared is not null)
            {
                record["sharedEventID"] = shared;
            }

            record["eventCategory"] = dataEvent ? "Data" : "Management";
            trail.Add(new RecordedEvent(eventId, call.Operation, call.Service.EventSource, time, account, region,
                call.Caller.AccessKeyId, call.Caller.Username, readOnly, !dataEvent, record.ToJsonString(JsonText.Relaxed))
            {
                Resources = call.Resources.Select(r => (r.Type, r.Arn)).ToList(),
                Sequence = trail.NextSequence(),
                DeliverAt = time + trail.DeliveryDelay,
                Delivered = TrailLogging(account),
            });
        }
    }

    public static bool IsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("Lookup", StringComparison.Ordinal)
        || operation.StartsWith("Head", StringComparison.Ordinal);

    private bool TrailLogging(string accountId)
    {
        lock (state.Gate)
        {
            var account = state.FindAccount(accountId);
            return account is null || account.Trails.Count == 0 || account.Trails.Values.Any(t => t.Logging);
        }
    }
}
