using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>
/// Steps keyed by id (the same step reached from two resources, e.g. a role's removal from an instance
/// profile, is one step whose dependencies merge), emitted in dependency order.
/// </summary>
internal sealed class StepGraph
{
    private readonly Dictionary<string, (PlannedStep Step, HashSet<string> DependsOn, int Order)> _steps = new(StringComparer.Ordinal);

    public string Add(string action, TouchedResource target, string id, string description, bool reversible, IEnumerable<string>? dependsOn = null, string? parameter = null, bool manual = false)
    {
        if (!_steps.TryGetValue(id, out var entry))
        {
            entry = (new PlannedStep(id, action, target, description, reversible, [], parameter, manual), new HashSet<string>(StringComparer.Ordinal), _steps.Count);
            _steps[id] = entry;
        }

        entry.DependsOn.UnionWith(dependsOn ?? []);
        return id;
    }

    public void DependOn(string step, string before)
    {
        if (step != before && _steps.TryGetValue(step, out var entry))
        {
            entry.DependsOn.Add(before);
        }
    }

    /// <summary>A topological order (Kahn), ties in the order steps were added; dependencies on absent steps dropped.</summary>
    public List<PlannedStep> Ordered()
    {
        var remaining = _steps.ToDictionary(s => s.Key, s => s.Value.DependsOn.Where(_steps.ContainsKey).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var result = new List<PlannedStep>(_steps.Count);
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(r => r.Value.Count == 0).Select(r => r.Key).OrderBy(id => _steps[id].Order).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"eradication steps depend on each other in a cycle: {string.Join(", ", remaining.Keys)}");
            }

            foreach (var id in ready)
            {
                remaining.Remove(id);
                var (step, dependsOn, _) = _steps[id];
                result.Add(step with { DependsOn = [.. dependsOn.Where(_steps.ContainsKey).OrderBy(d => _steps[d].Order)] });
            }

            foreach (var deps in remaining.Values)
            {
                deps.ExceptWith(ready);
            }
        }

        return result;
    }
}
