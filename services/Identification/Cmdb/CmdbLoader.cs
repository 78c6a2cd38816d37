using System.Text.Json;

namespace CredIr.Identification.Cmdb;

/// <summary>Reads and checks the CMDB file, so a typo fails loudly instead of silently dropping a stakeholder.</summary>
public static class CmdbLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static CmdbDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CmdbFormatException($"CMDB file '{path}' does not exist (Identification:CmdbPath)");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static CmdbDocument Parse(string json, string source)
    {
        CmdbDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CmdbDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new CmdbFormatException($"CMDB file '{source}': {ex.Message}");
        }

        if (document is null)
        {
            throw new CmdbFormatException($"CMDB file '{source}' is empty (null)");
        }

        Check(document, source);
        return document;
    }

    private static void Check(CmdbDocument document, string source)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Applications.Count; i++)
        {
            var app = document.Applications[i];
            var where = $"CMDB file '{source}': applications[{i}]";
            if (string.IsNullOrWhiteSpace(app.Name))
            {
                throw new CmdbFormatException($"{where} has no name");
            }

            if (!names.Add(app.Name))
            {
                throw new CmdbFormatException($"{where}: the name '{app.Name}' is used twice");
            }

            foreach (var account in app.AccountIds.Where(a => a.Length != 12 || !a.All(char.IsAsciiDigit)))
            {
                throw new CmdbFormatException($"{where} ({app.Name}): account id '{account}' is not 12 digits");
            }

            CheckContacts(app.Owners, $"{where} ({app.Name}).owners");
            CheckContacts(app.TechnicalContacts, $"{where} ({app.Name}).technicalContacts");
        }

        var org = document.Organization;
        CheckContacts(org.Security, $"CMDB file '{source}': organization.security");
        CheckContacts(org.Legal, $"CMDB file '{source}': organization.legal");
        CheckContacts(org.Communications, $"CMDB file '{source}': organization.communications");
        for (var i = 0; i < org.Regulators.Count; i++)
        {
            var regulator = org.Regulators[i];
            if (string.IsNullOrWhiteSpace(regulator.Name) || string.IsNullOrWhiteSpace(regulator.Contact) || string.IsNullOrWhiteSpace(regulator.RequiredWhen))
            {
                throw new CmdbFormatException($"CMDB file '{source}': organization.regulators[{i}] needs a name, a contact and requiredWhen");
            }
        }
    }

    private static void CheckContacts(IReadOnlyList<CmdbContact> contacts, string where)
    {
        for (var i = 0; i < contacts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(contacts[i].Name) || string.IsNullOrWhiteSpace(contacts[i].Contact))
            {
                throw new CmdbFormatException($"{where}[{i}] needs both a name and a contact");
            }
        }
    }
}
