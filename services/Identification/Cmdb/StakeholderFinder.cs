using System.Text.RegularExpressions;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Cmdb;

/// <summary>
/// Finds who must hear about an incident (playbook Part 1, steps 8 and 9): the owners and technical contacts of the
/// applications behind the accounts and resources involved, the organisation's security, legal and communications
/// contacts, and the regulators whose conditions the applications meet. Each person carries the reason they are listed.
/// </summary>
public static class StakeholderFinder
{
    public static StakeholderLookup Find(CmdbDocument cmdb, IEnumerable<string> accountIds, IEnumerable<ResourceRef> resources, IEnumerable<string> applicationNames)
    {
        var reasons = new Dictionary<CmdbApplication, List<string>>();
        var unmatched = new List<string>();

        void Because(CmdbApplication app, string reason)
        {
            if (!reasons.TryGetValue(app, out var list))
            {
                reasons[app] = list = [];
            }

            list.Add(reason);
        }

        foreach (var name in applicationNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var app = cmdb.Applications.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (app is null)
            {
                unmatched.Add($"application '{name}' is not in the CMDB");
            }
            else
            {
                Because(app, "application named in the request");
            }
        }

        foreach (var account in accountIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var app in cmdb.Applications.Where(a => a.AccountIds.Contains(account, StringComparer.Ordinal)))
            {
                Because(app, $"runs in account {account}");
            }
        }

        foreach (var resource in resources)
        {
            var matched = false;
            foreach (var (app, reason) in MatchResource(cmdb, resource))
            {
                Because(app, reason);
                matched = true;
            }

            if (!matched)
            {
                unmatched.Add($"resource {Describe(resource)} belongs to no application in the CMDB (no matching tag or ARN)");
            }
        }

        var involved = reasons.Keys.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var people = new List<Stakeholder>();
        foreach (var app in involved)
        {
            var why = string.Join("; ", reasons[app].Distinct(StringComparer.Ordinal));
            people.AddRange(app.Owners.Select(c => Person(c, StakeholderKind.ApplicationOwner, app.Name, $"owner of {app.Name} ({why})")));
            people.AddRange(app.TechnicalContacts.Select(c => Person(c, StakeholderKind.Technical, app.Name, $"technical contact of {app.Name} ({why})")));
        }

        var org = cmdb.Organization;
        people.AddRange(org.Security.Select(c => Person(c, StakeholderKind.Security, "", "organisation security contact: runs the response")));
        people.AddRange(org.Legal.Select(c => Person(c, StakeholderKind.Legal, "", "legal counsel is informed of every incident and of all external communications (playbook Part 1, step 9.1)")));
        people.AddRange(org.Communications.Select(c => Person(c, StakeholderKind.Communications, "", "responsible for public and external statements (playbook Part 1, step 9.2)")));
        var regulators = MatchRegulators(org.Regulators, involved);
        people.AddRange(regulators.Select(r => Person(new CmdbContact { Name = r.Regulator.Name, Contact = r.Regulator.Contact }, StakeholderKind.Regulator, "", r.Reason)));

        var stakeholders = people
            .GroupBy(p => (p.Contact.ToUpperInvariant(), p.Kind, p.Application))
            .Select(g => g.First())
            .ToList();
        var names = involved.Select(a => a.Name).ToList();
        return new StakeholderLookup(stakeholders, names, CommunicationChecklist.For(involved, org, regulators.Select(r => r.Regulator).ToList()))
        {
            Unmatched = unmatched,
        };
    }

    private static IEnumerable<(CmdbApplication App, string Reason)> MatchResource(CmdbDocument cmdb, ResourceRef resource)
    {
        foreach (var (key, value) in resource.Tags)
        {
            if (!cmdb.ApplicationTagKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var app in cmdb.Applications.Where(a => string.Equals(a.Name, value, StringComparison.OrdinalIgnoreCase) || a.TagValues.Contains(value, StringComparer.OrdinalIgnoreCase)))
            {
                yield return (app, $"resource {Describe(resource)} is tagged {key}={value}");
            }
        }

        if (resource.Arn.Length == 0)
        {
            yield break;
        }

        foreach (var app in cmdb.Applications)
        {
            if (app.ResourceArns.FirstOrDefault(pattern => ArnMatches(pattern, resource.Arn)) is { } pattern)
            {
                yield return (app, $"resource {resource.Arn} matches {pattern}");
            }
        }
    }

    private static List<(CmdbRegulator Regulator, string Reason)> MatchRegulators(IReadOnlyList<CmdbRegulator> regulators, List<CmdbApplication> involved)
    {
        var matched = new List<(CmdbRegulator, string)>();
        foreach (var regulator in regulators)
        {
            if (regulator.Jurisdictions.Count == 0 && regulator.DataClassifications.Count == 0)
            {
                matched.Add((regulator, $"{regulator.Jurisdiction}: required when {regulator.RequiredWhen}"));
                continue;
            }

            var why = involved
                .Select(app => (app, jurisdictions: app.Jurisdictions.Intersect(regulator.Jurisdictions, StringComparer.OrdinalIgnoreCase).ToList(),
                    data: app.DataClassifications.Intersect(regulator.DataClassifications, StringComparer.OrdinalIgnoreCase).ToList()))
                .Where(m => m.jurisdictions.Count > 0 || m.data.Count > 0)
                .Select(m => $"{m.app.Name} ({string.Join(", ", m.jurisdictions.Concat(m.data))})")
                .ToList();
            if (why.Count > 0)
            {
                matched.Add((regulator, $"{regulator.Jurisdiction}: required when {regulator.RequiredWhen}; applies to {string.Join(", ", why)}"));
            }
        }

        return matched;
    }

    private static Stakeholder Person(CmdbContact contact, StakeholderKind kind, string application, string reason) =>
        new() { Name = contact.Name, Contact = contact.Contact, Kind = kind, Application = application, Reason = reason };

    private static bool ArnMatches(string pattern, string arn) =>
        Regex.IsMatch(arn, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static string Describe(ResourceRef resource) =>
        resource.Arn.Length > 0 ? resource.Arn : $"{resource.Type} {resource.Id}".Trim();
}
