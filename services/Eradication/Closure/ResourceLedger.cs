using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Closure;

/// <summary>
/// Every change the actor made, per resource, reduced at the end to the net effect: events arrive
/// unordered (parallel files, several rounds), so the reduction sorts each resource's changes by time.
/// </summary>
internal sealed class ResourceLedger
{
    private readonly Dictionary<string, List<(DateTimeOffset Time, TouchedResource Resource)>> _changes = new(StringComparer.Ordinal);

    public void Add(DateTimeOffset time, IEnumerable<TouchedResource> resources)
    {
        foreach (var resource in resources)
        {
            if (resource.Change is ChangeKind.Created or ChangeKind.Modified or ChangeKind.Deleted)
            {
                if (!_changes.TryGetValue(resource.Key, out var list))
                {
                    _changes[resource.Key] = list = [];
                }

                list.Add((time, resource));
            }
        }
    }

    public (List<TouchedResource> Created, List<TouchedResource> Modified, List<TouchedResource> Deleted) NetEffect()
    {
        List<TouchedResource> created = [], modified = [], deleted = [];
        foreach (var changes in _changes.Values)
        {
            var ordered = changes.OrderBy(c => c.Time).ThenBy(c => c.Resource.Change == ChangeKind.Deleted).ToList();
            var last = ordered[^1].Resource;
            var wasCreated = ordered.Exists(c => c.Resource.Change == ChangeKind.Created);
            var gone = last.Change == ChangeKind.Deleted;
            if (wasCreated && !gone)
            {
                created.Add(Best(ordered) with { Change = ChangeKind.Created });
            }
            else if (gone && !wasCreated)
            {
                deleted.Add(last);
            }
            else if (!wasCreated && !gone)
            {
                modified.Add(Best(ordered) with { Change = ChangeKind.Modified });
            }
        }

        return (created, modified, deleted);
    }

    // Prefer the mention that carries an ARN.
    private static TouchedResource Best(List<(DateTimeOffset Time, TouchedResource Resource)> changes) =>
        changes.Select(c => c.Resource).FirstOrDefault(r => r.Arn is not null) ?? changes[0].Resource;
}
