using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery.HuaweiCloud;

/// <summary>
/// Recovery on Huawei Cloud: a custom policy the actor changed (updateRole) is restored to the document it had before,
/// taken from the last createRole or updateRole trace CTS kept for it (7 days) ahead of the actor's change. Huawei custom
/// policies keep no versions, so with no such trace the item is MANUAL and says why.
/// </summary>
public sealed class HuaweiRecovery(HuaweiCloudAccess access, TimeProvider time, ILogger<HuaweiRecovery> logger)
{
    public const string RestorePolicy = "huawei-iam:UpdateRole(restore)";

    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<List<RecoveryItem>> PlanAsync(IEnumerable<TrailEvent> events, CancellationToken ct)
    {
        Require();
        var items = new List<RecoveryItem>();
        var changes = events.Where(static e => e.Provider == CloudProvider.HuaweiCloud && e.EventName == "updateRole" && e.ErrorCode.Length == 0)
            .Select(static e => (Event: e, Trace: Trace(e))).Where(static c => c.Trace.ResourceId is { Length: > 0 })
            .GroupBy(static c => c.Trace.ResourceId!, StringComparer.Ordinal);
        try
        {
            foreach (var change in changes)
            {
                var first = change.OrderBy(static c => c.Trace.Time).First();
                items.Add(await PlanPolicyAsync(change.Key, first.Event, first.Trace, [.. change.Select(static c => c.Event.EventId)], ct));
            }
        }
        catch (HuaweiCloudException e)
        {
            throw HuaweiRpcErrors.ToRpc(e);
        }

        return items;
    }

    public async IAsyncEnumerable<RecoveryItem> ExecuteAsync(ExecuteRecoveryRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        Require();
        foreach (var planned in request.Items)
        {
            var item = planned.Clone();
            foreach (var step in item.Steps)
            {
                var (status, message) = step.Status == StepStatus.Manual ? (StepStatus.Manual, step.Description) : await RunAsync(step, ct);
                step.Status = status;
                step.ResultMessage = message;
                step.ExecutedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                HuaweiRecoveryLog.StepExecuted(logger, request.IncidentId, step.StepId, step.Action, status);
            }

            item.Status = item.Steps.Any(static s => s.Status == StepStatus.Failed) ? StepStatus.Failed
                : item.Steps.All(static s => s.Status == StepStatus.AlreadyDone) ? StepStatus.AlreadyDone
                : item.Steps.Any(static s => s.Status == StepStatus.Manual) ? StepStatus.Manual
                : StepStatus.Succeeded;
            yield return item;
        }
    }

    private async Task<RecoveryItem> PlanPolicyAsync(string roleId, TrailEvent changed, CtsTrace trace, List<string> eventIds, CancellationToken ct)
    {
        var domain = changed.AccountId;
        var item = new RecoveryItem
        {
            ItemId = $"policy|{roleId}",
            Resource = new ResourceRef { Arn = HuaweiUrns.Policy(domain, roleId), Type = "HuaweiCloud::IAM::CustomPolicy", Id = roleId, AccountId = domain, Region = changed.Region },
            Change = ResourceChange.Modified,
            Status = StepStatus.Planned,
        };
        item.EventIds.AddRange(eventIds);
        var earlier = await LastGoodAsync(changed.Region, roleId, trace.At, ct);
        var step = new PlanStep
        {
            StepId = $"{item.ItemId}/restore",
            Action = RestorePolicy,
            Target = item.Resource,
            Reversible = true,
        };
        if (earlier is { Policy: var policy, Trace: var source })
        {
            item.Strategy = RecoveryStrategy.RestoreFromBackup;
            item.BackupReference = source.TraceId;
            item.Rationale = $"custom policy {trace.ResourceName} as {source.User?.Name ?? "its owner"} last set it ({source.TraceName} at {source.At:u}, CTS trace {source.TraceId}), before the actor's updateRole at {trace.At:u}";
            step.Description = $"Set custom policy {trace.ResourceName} back to its document of {source.At:u} (IAM v3.0 UpdateRole).";
            step.Status = StepStatus.Planned;
            step.ParametersJson = new JsonObject { ["roleId"] = roleId, ["policy"] = policy }.ToJsonString();
        }
        else
        {
            item.Strategy = RecoveryStrategy.Manual;
            item.Rationale = $"custom policy {trace.ResourceName}: Huawei Cloud keeps no versions of a custom policy and CTS holds no earlier createRole or updateRole for it in its 7 days";
            step.Description = $"Set custom policy {trace.ResourceName} back by hand from your own record (infrastructure code, a change ticket): the actor's document is in CTS trace {trace.TraceId}.";
            step.Status = StepStatus.Manual;
            step.ParametersJson = new JsonObject { ["roleId"] = roleId }.ToJsonString();
        }

        item.Steps.Add(step);
        return item;
    }

    private async Task<(JsonObject Policy, CtsTrace Trace)?> LastGoodAsync(string region, string roleId, DateTimeOffset before, CancellationToken ct)
    {
        var project = await access.Iam.GetRegionProjectIdAsync(region, ct);
        var from = time.GetUtcNow() - Retention + TimeSpan.FromMinutes(1);
        var query = new CtsTraceQuery { ResourceId = roleId, From = from, To = before.AddMilliseconds(-1), Limit = HuaweiCtsClient.MaxLimit };
        await foreach (var trace in access.Cts.ListAllTracesAsync(region, project, query, ct))
        {
            // Newest first: the first successful write of the policy is its last known-good document.
            if (trace.TraceName is "createRole" or "updateRole" && trace.Code is "200" or "201" && trace.Request is { Length: > 0 } body
                && JsonNode.Parse(body)?["role"]?["policy"] is JsonObject policy)
            {
                return ((JsonObject)policy.DeepClone(), trace);
            }
        }

        return null;
    }

    private async Task<(StepStatus, string)> RunAsync(PlanStep step, CancellationToken ct)
    {
        if (step.Action != RestorePolicy || JsonNode.Parse(step.ParametersJson) is not JsonObject parameters
            || parameters["roleId"]?.ToString() is not { } roleId || parameters["policy"] is not JsonObject policy)
        {
            return (StepStatus.Failed, $"Not run: '{step.Action}' with these parameters is not a Huawei Cloud recovery step.");
        }

        try
        {
            var current = await access.Iam.GetCustomPolicyAsync(roleId, ct);
            if (current["policy"] is JsonObject now && JsonNode.DeepEquals(now, policy))
            {
                return (StepStatus.AlreadyDone, $"custom policy {current["display_name"]} already has its earlier document.");
            }

            await access.Iam.UpdateCustomPolicyAsync(roleId, current, policy, ct);
            return (StepStatus.Succeeded, $"custom policy {current["display_name"]} set back to its earlier document.");
        }
        catch (HuaweiCloudException e) when (!ct.IsCancellationRequested)
        {
            return (StepStatus.Failed, $"Huawei Cloud {e.Operation} failed: HTTP {(int)e.Status} {e.ErrorCode}: {e.ErrorMessage}");
        }
    }

    private static CtsTrace Trace(TrailEvent trail)
    {
        try
        {
            return CredIr.HuaweiCloud.Playbook.CtsTrailEvents.Parse(trail.RawJson);
        }
        catch (JsonException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"event {trail.EventId}: raw_json is not a CTS trace as the scan returned it"));
        }
    }

    private void Require()
    {
        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }
    }
}
