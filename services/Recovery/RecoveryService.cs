using System.Text;
using CredIr.Contracts.V1;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using Grpc.Core;
using CredIr.Playbook.Trail;
using CredIr.Recovery.Cmdb;
using CredIr.Recovery.Execution;
using CredIr.Recovery.HuaweiCloud;
using CredIr.Recovery.Planning;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery;

/// <summary>credir.v1.Recovery: plans recovery from the actor's events and executes approved items.</summary>
internal sealed class RecoveryService(RecoveryPlanner planner, RecoveryExecutor executor, CmdbResources cmdb, PlanSeals seals, ApprovalGate approvals, TimeProvider time, ILogger<RecoveryService> logger, HuaweiRecovery? huawei = null) : Contracts.V1.Recovery.RecoveryBase
{
    public override async Task<PlanRecoveryResponse> PlanRecovery(PlanRecoveryRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.IncidentId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "incident_id is required"));
        }

        // The seam: Huawei Cloud's events (CTS traces) are recovered by Huawei's planner; items, seals and approval are the same.
        var onHuawei = request.Events.Any(static e => e.Provider == CloudProvider.HuaweiCloud);
        var records = onHuawei ? [] : Records(request.Events);
        foreach (var (key, strategy) in request.StrategyOverrides)
        {
            if (strategy == RecoveryStrategy.Unspecified || !System.Enum.IsDefined(strategy))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"strategy_overrides[{key}]: give one of REPLACE, RESTORE_FROM_BACKUP, RECREATE_FROM_CMDB, ISOLATE, MANUAL"));
            }
        }

        var accounts = request.Scope is { AllAccounts: false, AccountIds.Count: > 0 } scope ? scope.AccountIds.ToHashSet(StringComparer.Ordinal) : null;
        var items = onHuawei
            ? await Huawei().PlanAsync(request.Events, context.CancellationToken).ConfigureAwait(false)
            : await planner.PlanAsync(records, request.StrategyOverrides, cmdb.Load(), a => accounts is null || accounts.Contains(a), context.CancellationToken).ConfigureAwait(false);
        RecoveryLog.Planned(logger, request.IncidentId, items.Count, records.Count);
        var plan = new Plan
        {
            PlanId = $"recovery|{request.IncidentId}",
            Kind = PlanKind.Recovery,
            CreatedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        plan.Steps.Add(items.SelectMany(i => i.Steps));
        foreach (var item in items)
        {
            await seals.SealAsync(ApprovalMethods.Recovery, item, context.CancellationToken).ConfigureAwait(false);
        }

        await seals.SealAsync(ApprovalMethods.Recovery, plan, context.CancellationToken).ConfigureAwait(false);
        var response = new PlanRecoveryResponse { Plan = plan };
        response.Items.Add(items);
        return response;
    }

    public override async Task ExecuteRecovery(ExecuteRecoveryRequest request, IServerStreamWriter<RecoveryItem> responseStream, ServerCallContext context)
    {
        // Checked before the stream starts, so a bad request fails the call instead of a half-sent stream.
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "request_id is required (it keys the journal, so a retry is recognised)"));
        }

        if (string.IsNullOrWhiteSpace(request.IncidentId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "incident_id is required"));
        }

        if (request.Items.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "items: give the recovery items to execute (from PlanRecovery)"));
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            if (string.IsNullOrEmpty(item.ItemId) || item.Steps.Count == 0)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"items[{i}]: an item needs its item_id and steps (from PlanRecovery)"));
            }
        }

        await approvals.RequireAsync(ApprovalMethods.Recovery, ApprovalMethods.ExecuteRecovery, request.IncidentId, request.Approval, request.Items, context.CancellationToken).ConfigureAwait(false);
        await responseStream.WriteAllAsync(request.Items.All(static i => i.Resource?.Type.StartsWith("HuaweiCloud::", StringComparison.Ordinal) == true)
            ? Huawei().ExecuteAsync(request, context.CancellationToken)
            : executor.ExecuteAsync(request, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
    }

    private HuaweiRecovery Huawei() =>
        huawei ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, CredIr.HuaweiCloud.Hosting.HuaweiCloudAccess.NotConfigured));

    private static List<CloudTrailRecord> Records(Google.Protobuf.Collections.RepeatedField<TrailEvent> events)
    {
        if (events.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "events: give the actor's events (from the eradication scan)"));
        }

        var records = new List<CloudTrailRecord>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (string.IsNullOrEmpty(events[i].RawJson))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"events[{i}].raw_json: the record is needed to know what the event changed"));
            }

            try
            {
                records.Add(CloudTrailRecordParser.Parse(Encoding.UTF8.GetBytes(events[i].RawJson)));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"events[{i}].raw_json is not a CloudTrail record: {e.Message}"));
            }
        }

        return records;
    }
}
