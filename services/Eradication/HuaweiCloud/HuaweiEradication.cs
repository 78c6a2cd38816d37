using System.Runtime.CompilerServices;
using System.Text.Json;
using CredIr.Contracts.Plans;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using CredIr.Playbook.Trail;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.HuaweiCloud;

/// <summary>
/// Eradication on Huawei Cloud: from the traces the scan attributed to the actor, the AKs (createCredential) and users
/// (createUser) it created that still exist, deleted in order (a user's AKs first); executed only as planned and
/// approved (the same gate as AWS), each step reading the state first, so a replay finds it ALREADY_DONE.
/// </summary>
public sealed class HuaweiEradication(HuaweiCloudAccess access, ApprovalGate approvals, TimeProvider time, ILogger<HuaweiEradication> logger)
{
    public const string DeleteAccessKey = "huawei-iam:DeleteCredential";
    public const string DeleteUser = "huawei-iam:DeleteUser";

    public async Task<Plan> PlanAsync(PlanEradicationRequest request, CancellationToken ct)
    {
        Require();
        if (request.Events.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "events: give the events the scan attributed to the actor"));
        }

        var plan = new Plan { Kind = PlanKind.Eradication, Provider = CloudProvider.HuaweiCloud, CreatedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()), BlastRadius = new BlastRadius() };
        try
        {
            var keySteps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (trace, made) in Created(request.Events).Where(static c => c.Made.Kind == "credential"))
            {
                if (await ExistingKeyAsync(made.Id, ct) is not { } key)
                {
                    plan.BlastRadius.Warnings.Add($"AK {made.Id} the actor created ({trace.TraceId}) no longer exists.");
                    continue;
                }

                var step = Step(DeleteAccessKey, key.Access, HuaweiUrns.AccessKey(made.Domain, key.Access), "HuaweiCloud::IAM::Credential", made.Domain,
                    $"Delete AK {key.Access}, created by the actor ({trace.TraceName} at {trace.At:u}) for user {key.UserId}: it stops working for good.", key.UserId, key.Access);
                plan.Steps.Add(step);
                (keySteps.TryGetValue(key.UserId, out var list) ? list : keySteps[key.UserId] = []).Add(step.StepId);
            }

            foreach (var (trace, made) in Created(request.Events).Where(static c => c.Made.Kind == "user"))
            {
                IamUser user;
                try
                {
                    user = await access.Iam.GetUserAsync(made.Id, ct);
                }
                catch (HuaweiCloudException e) when (e.IsNotFound)
                {
                    plan.BlastRadius.Warnings.Add($"IAM user {made.Name} the actor created ({trace.TraceId}) no longer exists.");
                    continue;
                }

                var step = Step(DeleteUser, user.Id, HuaweiUrns.User(user.DomainId, user.Name), "HuaweiCloud::IAM::User", user.DomainId,
                    $"Delete IAM user {user.Name}, created by the actor ({trace.TraceName} at {trace.At:u}), with every AK it still holds.", user.Id, null);
                step.DependsOn.AddRange(keySteps.GetValueOrDefault(user.Id) ?? []);
                plan.Steps.Add(step);
                plan.BlastRadius.AffectedPrincipals.Add(step.Target.Arn);
            }
        }
        catch (HuaweiCloudException e)
        {
            throw HuaweiRpcErrors.ToRpc(e);
        }

        foreach (var session in request.Credentials.Where(static c => c.Kind == CredentialKind.RoleSession && c.AccessKeyId.Length > 0))
        {
            plan.CannotRevoke.Add($"{session.AccessKeyId}: a temporary AK{(session.RoleName.Length > 0 ? $" of agency {session.RoleName}" : "")} cannot be deleted on Huawei Cloud; it works until it expires"
                + (session.ExpiresAt is { } expires ? $" ({expires.ToDateTimeOffset():u})" : "") + ".");
        }

        plan.CredentialIds.AddRange(request.Credentials.Select(static c => c.AccessKeyId.Length > 0 ? c.AccessKeyId : c.PrincipalArn).Where(static id => id.Length > 0));
        plan.PlanId = "plan-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(request.IncidentId + "\n" + string.Join("\n", plan.Steps.Select(static s => s.StepId)))).AsSpan(0, 8));
        return plan;
    }

    public async IAsyncEnumerable<PlanStep> ExecuteAsync(ExecutePlanRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await approvals.RequireAsync(ApprovalMethods.Eradication, ApprovalMethods.ExecuteEradication, request.IncidentId, request.Approval, request.Plan, "plan", ct);
        Require();
        if (request.Plan.Steps.Any(s => s.AccessKeyId == access.ResponderAccessKeyId))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own AK {access.ResponderAccessKeyId} is one of the credentials this plan removes: eradication never acts with it. Act with another AK."));
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in PlanStepOrder.Sort(request.Plan.Steps, request.StepIds))
        {
            var result = step.Clone();
            var (status, message) = step.DependsOn.FirstOrDefault(failed.Contains) is { } blocker
                ? (StepStatus.Failed, $"Not run: it depends on step {blocker}, which failed.")
                : await RunAsync(step, ct);
            result.Status = status;
            result.ResultMessage = message;
            result.ExecutedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
            if (status == StepStatus.Failed)
            {
                failed.Add(step.StepId);
            }

            HuaweiEradicationLog.StepExecuted(logger, request.IncidentId, step.StepId, step.Action, status);
            yield return result;
        }
    }

    private async Task<(StepStatus, string)> RunAsync(PlanStep step, CancellationToken ct)
    {
        var id = step.Target?.Id ?? "";
        try
        {
            switch (step.Action)
            {
                case DeleteAccessKey:
                    if (await ExistingKeyAsync(id, ct) is null)
                    {
                        return (StepStatus.AlreadyDone, $"AK {id} was already deleted.");
                    }

                    await access.Iam.DeleteAccessKeyAsync(id, ct);
                    return (StepStatus.Succeeded, $"AK {id} deleted.");
                case DeleteUser:
                    try
                    {
                        await access.Iam.DeleteUserAsync(id, ct);
                        return (StepStatus.Succeeded, $"IAM user {step.Target!.Arn} deleted.");
                    }
                    catch (HuaweiCloudException e) when (e.IsNotFound)
                    {
                        return (StepStatus.AlreadyDone, $"IAM user {step.Target!.Arn} was already deleted.");
                    }

                default:
                    return (StepStatus.Failed, $"Not run: '{step.Action}' is not a Huawei Cloud step this service executes.");
            }
        }
        catch (HuaweiCloudException e) when (!ct.IsCancellationRequested)
        {
            return (StepStatus.Failed, $"Huawei Cloud {e.Operation} failed: HTTP {(int)e.Status} {e.ErrorCode}: {e.ErrorMessage}");
        }
    }

    private async Task<AccessKeyInfo?> ExistingKeyAsync(string accessKeyId, CancellationToken ct)
    {
        try
        {
            return await access.Iam.GetAccessKeyAsync(accessKeyId, ct);
        }
        catch (HuaweiCloudException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>What each successful createCredential / createUser trace made, read from the response CTS recorded.</summary>
    private static IEnumerable<(CtsTrace Trace, Made Made)> Created(IEnumerable<TrailEvent> events)
    {
        foreach (var trail in events.Where(static e => e.ErrorCode.Length == 0 && e.EventName is "createCredential" or "createUser"))
        {
            CtsTrace? trace;
            try
            {
                trace = CredIr.HuaweiCloud.Playbook.CtsTrailEvents.Parse(trail.RawJson);
            }
            catch (JsonException)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"event {trail.EventId}: raw_json is not a CTS trace as the scan returned it"));
            }

            if (trace?.Response is not { Length: > 0 } body)
            {
                continue;
            }

            using var response = JsonDocument.Parse(body);
            var root = response.RootElement;
            if (trail.EventName == "createCredential" && JsonFields.ObjectAt(root, "credential") is { } credential && JsonFields.StringAt(credential, "access") is { } ak)
            {
                yield return (trace, new Made("credential", ak, ak, trail.AccountId));
            }
            else if (trail.EventName == "createUser" && JsonFields.ObjectAt(root, "user") is { } user && JsonFields.StringAt(user, "id") is { } userId)
            {
                yield return (trace, new Made("user", userId, JsonFields.StringAt(user, "name") ?? userId, trail.AccountId));
            }
        }
    }

    private static PlanStep Step(string action, string id, string urn, string type, string domain, string description, string userId, string? accessKeyId) => new()
    {
        StepId = "step-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(action + "\n" + urn)).AsSpan(0, 8)),
        Action = action,
        Target = new ResourceRef { Arn = urn, Type = type, Id = id, AccountId = domain },
        Description = description,
        Reversible = false,
        Status = StepStatus.Planned,
        AccessKeyId = accessKeyId ?? string.Empty,
        ParametersJson = JsonSerializer.Serialize(new { userId, accessKeyId }),
    };

    private void Require()
    {
        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }
    }

    private sealed record Made(string Kind, string Id, string Name, string Domain);
}
