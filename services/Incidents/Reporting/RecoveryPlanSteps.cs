using CredIr.Contracts.V1;

namespace CredIr.Incidents.Reporting;

/// <summary>
/// A recovery plan keeps the steps as planned; what each step did is in the executed recovery
/// items. The report shows the executed copy of every step the items hold.
/// </summary>
internal static class RecoveryPlanSteps
{
    public static void Apply(Incident incident)
    {
        var executed = incident.RecoveryItems
            .SelectMany(i => i.Steps)
            .Where(s => s.StepId.Length > 0)
            .GroupBy(s => s.StepId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var plan in incident.Plans.Where(p => p.Kind == PlanKind.Recovery))
        {
            for (var i = 0; i < plan.Steps.Count; i++)
            {
                if (executed.TryGetValue(plan.Steps[i].StepId, out var step))
                {
                    plan.Steps[i] = step.Clone();
                }
            }
        }
    }
}
