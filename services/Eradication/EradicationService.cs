using CredIr.Contracts.Providers;
using CredIr.Contracts.V1;
using CredIr.Eradication.HuaweiCloud;
using CredIr.Eradication.Execution;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using Grpc.Core;

namespace CredIr.Eradication;

/// <summary>
/// credir.v1.Eradication: the scan over log files, LookupEvents or Athena (and the Athena targets a scan may choose); the plan from the current state of what the
/// actor created (read through the response role in each account); its approved execution, step by step.
/// </summary>
public sealed class EradicationService(ScanHandler scan, PlanHandler plans, EradicationExecutor executor, PlanSeals seals, Trails.TrailSourceFactory sources, HuaweiEradication? huawei = null) : Contracts.V1.Eradication.EradicationBase
{
    public override Task Scan(ScanRequest request, IServerStreamWriter<ScanUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(scan.ScanAsync(request, context.CancellationToken), context.CancellationToken);

    public override async Task<Plan> PlanEradication(PlanEradicationRequest request, ServerCallContext context)
    {
        // The seam: a plan for Huawei Cloud credentials (or events) is Huawei's; the seal and approval are the same.
        var onHuawei = CloudProviders.Of(request.Credentials) == CloudProvider.HuaweiCloud || request.Events.Any(static e => e.Provider == CloudProvider.HuaweiCloud);
        var plan = onHuawei
            ? await Huawei().PlanAsync(request, context.CancellationToken).ConfigureAwait(false)
            : await plans.PlanEradicationAsync(request, context.CancellationToken).ConfigureAwait(false);
        await seals.SealAsync(ApprovalMethods.Eradication, plan, context.CancellationToken).ConfigureAwait(false);
        return plan;
    }

    public override Task<ListAthenaTargetsResponse> ListAthenaTargets(ListAthenaTargetsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListAthenaTargetsResponse { Targets = { sources.AthenaTargets() } });

    public override Task ExecuteEradication(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(request.Plan?.Provider == CloudProvider.HuaweiCloud
            ? Huawei().ExecuteAsync(request, context.CancellationToken)
            : executor.ExecuteAsync(request, context.CancellationToken), context.CancellationToken);

    private HuaweiEradication Huawei() =>
        huawei ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, CredIr.HuaweiCloud.Hosting.HuaweiCloudAccess.NotConfigured));
}
