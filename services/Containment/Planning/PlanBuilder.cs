using CredIr.Containment.GuardRails;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Planning;

/// <summary>Collects a plan's steps (one per id, in the order first planned), blast radius and what cannot be revoked.</summary>
internal sealed class PlanBuilder(GuardRail guard, string incidentId, DateTimeOffset revokeBefore)
{
    private readonly List<PlanStep> _steps = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _cannotRevoke = [];
    private readonly BlastRadius _radius = new();
    private readonly HashSet<string> _analysed = new(StringComparer.Ordinal);

    public string IncidentId { get; } = incidentId;

    public DateTimeOffset RevokeBefore { get; } = revokeBefore;

    /// <summary>Adds a step unless the same action on the same target is already planned; returns its id.</summary>
    public string Add(StepSpec spec)
    {
        var id = StepIds.For(spec.Action, spec.Target.Arn + (spec.Parameters.AccessKeyId is { } k ? "#" + k : string.Empty));
        if (!_ids.Add(id))
        {
            return id;
        }

        var step = new PlanStep
        {
            StepId = id,
            Action = spec.Action,
            Target = spec.Target,
            Description = spec.Description,
            Reversible = spec.Reversible,
            Status = spec.Manual ? StepStatus.Manual : StepStatus.Planned,
            AccessKeyId = spec.Parameters.AccessKeyId ?? string.Empty,
            ParametersJson = spec.Parameters.ToJson(),
        };
        step.DependsOn.AddRange(spec.DependsOn.Where(_ids.Contains));
        if (guard.Refusal(spec.Target.AccountId, spec.PrincipalType, spec.PrincipalName, spec.PrincipalArn, spec.Action) is { } refusal)
        {
            step.Status = StepStatus.Skipped;
            step.RefusedReason = refusal;
        }

        else if (spec.PrincipalType is { } type && spec.PrincipalName is { } name && guard.IsResponseRole(spec.Target.AccountId, type, name))
        {
            step.Description += " This is the response role CredIr enters the account with: right after the deny, the response takes a fresh session "
                + "(issued after the cut-off) and checks that it works before going on.";
        }

        _steps.Add(step);
        return id;
    }

    public void CannotRevoke(string text)
    {
        if (!_cannotRevoke.Contains(text))
        {
            _cannotRevoke.Add(text);
        }
    }

    public void Warn(string text) => AddOnce(_radius.Warnings, text);

    public void Affects(string principal) => AddOnce(_radius.AffectedPrincipals, principal);

    public void LegitimateCaller(string caller) => AddOnce(_radius.RecentLegitimateCallers, caller);

    /// <summary>True the first time a principal's blast radius is asked for (several credentials may share a role).</summary>
    public bool FirstAnalysisOf(string arn) => _analysed.Add(arn);

    public void ActiveSessions(int count) => _radius.ActiveSessions += count;

    public Plan Build(DateTimeOffset createdAt)
    {
        var plan = new Plan
        {
            PlanId = StepIds.ForPlan(IncidentId, _steps.Select(static s => s.StepId), RevokeBefore),
            Kind = PlanKind.Containment,
            BlastRadius = _radius,
            CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(createdAt),
        };
        plan.Steps.AddRange(_steps);
        plan.CannotRevoke.AddRange(_cannotRevoke);
        return plan;
    }

    private static void AddOnce(Google.Protobuf.Collections.RepeatedField<string> list, string text)
    {
        if (!list.Contains(text))
        {
            list.Add(text);
        }
    }
}
