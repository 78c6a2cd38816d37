using CredIr.Contracts.V1;

namespace CredIr.Identification.Cmdb;

/// <summary>The communications items of playbook Part 1, steps 8 and 9, as items the incident tracks to done.</summary>
public static class CommunicationChecklist
{
    public static IReadOnlyList<CommunicationItem> For(IReadOnlyList<CmdbApplication> applications, CmdbOrganization org, IReadOnlyList<CmdbRegulator> regulators)
    {
        var items = new List<CommunicationItem>
        {
            Item("comms/war-room", CommunicationKind.WarRoom, "Open a conference bridge (war room) for the incident and link it from the ticket (step 8.2)."),
        };

        foreach (var app in applications)
        {
            var people = app.Owners.Concat(app.TechnicalContacts).Select(c => $"{c.Name} <{c.Contact}>");
            items.Add(Item($"comms/notify/{app.Name}", CommunicationKind.Internal,
                $"Notify the stakeholders of {app.Name} and add them to the ticket and the war room (step 8.3): {string.Join(", ", people)}."));
        }

        if (applications.Count == 0)
        {
            items.Add(Item("comms/notify", CommunicationKind.Internal,
                "No application in the CMDB matched: find the affected application's owners (CMDB or risk register) and notify them (steps 8.1, 8.3)."));
        }

        items.Add(Item("comms/legal", CommunicationKind.Legal,
            $"Inform legal counsel and include them in status updates, above all on external communications (step 9.1): {Names(org.Legal, "no legal contact in the CMDB")}."));
        items.Add(Item("comms/external", CommunicationKind.External,
            $"Add those who make public and external statements to the ticket for regular updates (step 9.2): {Names(org.Communications, "no communications contact in the CMDB")}."));
        items.Add(Item("comms/regulators", CommunicationKind.Regulatory, regulators.Count > 0
            ? $"Notify those responsible for reporting to regulators or law enforcement, and ask them about evidence and chain of custody (step 9.3): {string.Join("; ", regulators.Select(r => $"{r.Name} <{r.Contact}> ({r.Jurisdiction}: required when {r.RequiredWhen})"))}."
            : "No regulator in the CMDB applies to the applications found: confirm with legal counsel that no reporting is required in your jurisdiction (step 9.3)."));
        items.Add(Item("comms/public-reporting", CommunicationKind.External,
            $"Consider reporting to open databases, government agencies or NGOs that track this activity (step 9.4){(org.PublicReporting.Count > 0 ? ": " + Names(org.PublicReporting, "") : "")}."));
        return items;
    }

    private static string Names(IReadOnlyList<CmdbContact> contacts, string none) =>
        contacts.Count == 0 ? none : string.Join(", ", contacts.Select(c => $"{c.Name} <{c.Contact}>"));

    private static CommunicationItem Item(string id, CommunicationKind kind, string description) =>
        new() { ItemId = id, Kind = kind, Description = description };
}
