using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using CredIr.Grpc;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Eradication;

/// <summary>
/// credir.v1.Eradication. The scan runs over log files and LookupEvents. Planning needs an
/// <see cref="IResourceStateReader"/> (the current state of each resource); until the host registers one,
/// planning and execution answer FAILED_PRECONDITION saying so, rather than planning from stale records.
/// </summary>
public sealed class EradicationService(ScanHandler scan, IServiceProvider services) : IEradicationService
{
    public IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, CallContext context) => scan.ScanAsync(request, context);

    public Task<Plan> PlanEradicationAsync(PlanEradicationRequest request, CallContext context) =>
        services.GetService<PlanHandler>() is { } plans
            ? plans.PlanEradicationAsync(request, context)
            : throw new RpcException(StatusCode.FailedPrecondition, "eradication planning needs a resource state reader, which this deployment does not register yet; scan, then plan with a host that has one");

    public IAsyncEnumerable<PlanStep> ExecuteEradicationAsync(ExecutePlanRequest request, CallContext context) =>
        throw new RpcException(StatusCode.FailedPrecondition, "eradication execution is not available in this deployment yet; carry out the plan's steps by hand and record them on the incident");
}
