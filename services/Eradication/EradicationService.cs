using CredIr.Contracts.V1;
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
public sealed class EradicationService(ScanHandler scan, PlanHandler plans, EradicationExecutor executor, PlanSeals seals, Trails.TrailSourceFactory sources) : Contracts.V1.Eradication.EradicationBase
{
    public override Task Scan(ScanRequest request, IServerStreamWriter<ScanUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(scan.ScanAsync(request, context.CancellationToken), context.CancellationToken);

    public override async Task<Plan> PlanEradication(PlanEradicationRequest request, ServerCallContext context)
    {
        var plan = await plans.PlanEradicationAsync(request, context.CancellationToken).ConfigureAwait(false);
        await seals.SealAsync(ApprovalMethods.Eradication, plan, context.CancellationToken).ConfigureAwait(false);
        return plan;
    }

    public override Task<ListAthenaTargetsResponse> ListAthenaTargets(ListAthenaTargetsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListAthenaTargetsResponse { Targets = { sources.AthenaTargets() } });

    public override Task ExecuteEradication(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(executor.ExecuteAsync(request, context.CancellationToken), context.CancellationToken);
}
