using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Extraction;

/// <summary>What an API call does to the resource its name is about, from its verb.</summary>
public static class ChangeKinds
{
    private static readonly string[] CreatingVerbs = ["Create", "Run", "Allocate", "Register", "Import", "Copy", "Request", "Upload", "Publish", "Issue"];
    private static readonly string[] DeletingVerbs = ["Delete", "Terminate", "Deregister", "Release"];
    // Put on these nouns makes a new thing (an inline policy, a parameter, an object), not a setting.
    private static readonly string[] PutCreates = ["UserPolicy", "RolePolicy", "GroupPolicy", "Parameter", "Object"];

    /// <summary>What the call did to its target resources (the ones its name is about).</summary>
    public static ChangeKind ForRecord(CloudTrailRecord record)
    {
        if (record.Failed || record.ReadOnly == true)
        {
            return ChangeKind.Read;
        }

        var name = record.EventName;
        if (StartsWithAnyVerb(name, CreatingVerbs) || (StartsWithVerb(name, "Put") && StartsWithAny(name.AsSpan(3), PutCreates)))
        {
            return ChangeKind.Created;
        }

        if (StartsWithAnyVerb(name, DeletingVerbs))
        {
            return ChangeKind.Deleted;
        }

        return IsReadVerb(name) ? ChangeKind.Read : ChangeKind.Modified;
    }

    /// <summary>
    /// The record's change for one resource: the record's own when the API is about that noun
    /// ("DeleteUser" for a user), Modified when about a part of it ("DeleteBucketPolicy" for the bucket),
    /// Referenced when it is only named (the policy in AttachUserPolicy, the role passed to CreateFunction).
    /// </summary>
    public static ChangeKind ForResource(CloudTrailRecord record, ChangeKind recordChange, string noun, bool fromResponse)
    {
        if (recordChange == ChangeKind.Read)
        {
            return ChangeKind.Read;
        }

        var subject = Subject(record.EventName).TrimEnd(VersionSuffix);
        if (subject.Equals(noun, StringComparison.OrdinalIgnoreCase) || subject.Equals(Plural(noun), StringComparison.OrdinalIgnoreCase)
            || (fromResponse && recordChange == ChangeKind.Created))
        {
            return recordChange;
        }

        if (subject.Contains(noun, StringComparison.OrdinalIgnoreCase))
        {
            return ChangeKind.Modified;
        }

        return recordChange == ChangeKind.Modified && noun != "ManagedPolicy" ? ChangeKind.Modified : ChangeKind.Referenced;
    }

    private static readonly char[] VersionSuffix = "0123456789v".ToCharArray();

    private static bool StartsWithAnyVerb(string name, string[] verbs)
    {
        foreach (var verb in verbs)
        {
            if (StartsWithVerb(name, verb))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReadVerb(string name) =>
        StartsWithVerb(name, "Get") || StartsWithVerb(name, "List") || StartsWithVerb(name, "Describe")
        || StartsWithVerb(name, "Lookup") || StartsWithVerb(name, "Search") || StartsWithVerb(name, "Head");

    // "CreateAccessKey" -> "AccessKey"; EC2's "DBInstance" style nouns survive because only the first word goes.
    private static string Subject(string eventName)
    {
        for (var i = 1; i < eventName.Length; i++)
        {
            if (char.IsUpper(eventName[i]))
            {
                return eventName[i..];
            }
        }

        return eventName;
    }

    private static string Plural(string noun) => noun.EndsWith('y') ? noun[..^1] + "ies" : noun + "s";

    private static bool StartsWithVerb(string name, string verb) =>
        name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || char.IsUpper(name[verb.Length]));
}
