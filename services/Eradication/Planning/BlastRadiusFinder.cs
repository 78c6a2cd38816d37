using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification.Cmdb;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Planning;

/// <summary>
/// Playbook Part 3: the applications a plan touches, from each resource's tags and the CMDB (application tag values,
/// resource ARN patterns), and the owners to tell before it runs. Tags go on each step's target; each step says whose
/// application it changes; the plan's blast radius lists the applications and one warning per application.
/// </summary>
public sealed class BlastRadiusFinder(IOptions<EradicationOptions> options)
{
    public void Apply(Plan plan, EradicationDraft draft)
    {
        var cmdb = Load();
        var affected = new SortedDictionary<string, (SortedSet<string> Targets, IReadOnlyList<string> Owners)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < draft.Steps.Count; i++)
        {
            var wire = plan.Steps[i];
            if (draft.States.GetValueOrDefault(draft.Steps[i].Target.Key) is { Tags.Count: > 0 } state)
            {
                foreach (var (key, value) in state.Tags)
                {
                    wire.Target.Tags[key] = value;
                }
            }

            var applications = ApplicationsOf(cmdb, wire.Target);
            if (applications.Count == 0)
            {
                continue;
            }

            wire.Description += " Affects " + string.Join("; ", applications.Select(static a => a.Owners.Count == 0 ? $"application {a.Name}" : $"application {a.Name} (tell {string.Join(", ", a.Owners)})")) + ".";
            foreach (var (name, owners) in applications)
            {
                if (!affected.TryGetValue(name, out var entry))
                {
                    affected[name] = entry = (new SortedSet<string>(StringComparer.Ordinal), owners);
                }

                entry.Targets.Add($"{wire.Target.Type} {wire.Target.Id}");
            }
        }

        plan.BlastRadius ??= new BlastRadius();
        plan.BlastRadius.AffectedApplications.AddRange(affected.Keys);
        plan.BlastRadius.Warnings.AddRange(affected.Select(static a =>
            $"application {a.Key}: this plan removes {string.Join(", ", a.Value.Targets)}; {(a.Value.Owners.Count == 0 ? "the CMDB names no owner for it" : "tell " + string.Join(", ", a.Value.Owners) + " before it runs")}"));
    }

    /// <summary>The applications a resource belongs to and their owners; a tag naming an application the CMDB does not hold still counts, with no owner.</summary>
    private static List<(string Name, IReadOnlyList<string> Owners)> ApplicationsOf(CmdbDocument cmdb, ResourceRef target)
    {
        var lookup = StakeholderFinder.Find(cmdb, [], [target], []);
        var found = lookup.Applications
            .Select(name => (Name: name, Owners: (IReadOnlyList<string>)lookup.Stakeholders
                .Where(s => s.Application == name && s.Kind is StakeholderKind.ApplicationOwner or StakeholderKind.Technical)
                .Select(static s => $"{s.Name} <{s.Contact}>").ToList()))
            .ToList();
        foreach (var (key, value) in target.Tags)
        {
            var known = cmdb.Applications.Any(a => string.Equals(a.Name, value, StringComparison.OrdinalIgnoreCase) || a.TagValues.Contains(value, StringComparer.OrdinalIgnoreCase));
            if (!known && cmdb.ApplicationTagKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !found.Any(f => string.Equals(f.Name, value, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add((value, []));
            }
        }

        return found;
    }

    // Read on every plan: people edit the CMDB during an incident.
    private CmdbDocument Load()
    {
        var path = options.Value.CmdbPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return new CmdbDocument();
        }

        try
        {
            return CmdbLoader.Load(path);
        }
        catch (CmdbFormatException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{e.Message} (Eradication:CmdbPath): fix the CMDB file, then plan again."));
        }
    }
}
