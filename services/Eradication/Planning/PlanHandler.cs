using System.Text;
using CredIr.Contracts.V1;
using CredIr.Eradication.Cloud;
using CredIr.Eradication.Closure;
using Grpc.Core;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Planning;

/// <summary>
/// credir.v1.Eradication/PlanEradication: re-derives what the actor created from the events the scan
/// attributed (their scrubbed raw records), keeps what still exists, and plans its deletion.
/// </summary>
public sealed class PlanHandler(IResourceStateReaderFactory readers, RecordExtractor extractor, BlastRadiusFinder blastRadius, TimeProvider time)
{
    public async Task<Plan> PlanEradicationAsync(PlanEradicationRequest request, CancellationToken cancellationToken)
    {
        if (request.Events.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "events: give the events the scan attributed to the actor"));
        }

        var ledger = new ResourceLedger();
        for (var i = 0; i < request.Events.Count; i++)
        {
            if (string.IsNullOrEmpty(request.Events[i].RawJson))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"events[{i}].raw_json: the record is needed to know what the event created"));
            }

            CloudTrailRecord record;
            try
            {
                record = CloudTrailRecordParser.Parse(Encoding.UTF8.GetBytes(request.Events[i].RawJson));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"events[{i}].raw_json is not a CloudTrail record: {e.Message}"));
            }

            ledger.Add(record.EventTime, extractor.Extract(record).Resources);
        }

        var accounts = request.Scope is { AllAccounts: false, AccountIds.Count: > 0 } scope ? scope.AccountIds.ToHashSet(StringComparer.Ordinal) : null;
        var created = ledger.NetEffect().Created.Where(r => accounts is null || (r.AccountId is { } a && accounts.Contains(a))).ToList();
        var reader = readers.Open(request.IncidentId, request.Scope);
        EradicationDraft draft;
        try
        {
            draft = await new EradicationPlanner(reader).PlanAsync(created, new EradicationPlanOptions { AllowEmptyingBuckets = request.AllowEmptyingBuckets }, cancellationToken);
        }
        catch (Exception e) when (AwsCodes.IsCloudError(e) && !cancellationToken.IsCancellationRequested)
        {
            throw AwsCodes.ToRpc(e, "reading the current state of what the actor created");
        }
        finally
        {
            (reader as IDisposable)?.Dispose();
        }

        var plan = PlanMapper.ToWire(draft.Steps, time.GetUtcNow());
        plan.CredentialIds.AddRange(request.Credentials.Select(static c => string.IsNullOrEmpty(c.AccessKeyId) ? c.PrincipalArn : c.AccessKeyId).Where(static id => id.Length > 0));
        blastRadius.Apply(plan, draft);
        return plan;
    }
}
