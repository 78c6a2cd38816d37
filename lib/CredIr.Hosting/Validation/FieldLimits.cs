namespace CredIr.Hosting.Validation;

/// <summary>
/// The limits every CredIr service holds every request to, whatever the method (docs/grpc-api.md lists
/// them). A field's class follows from its proto name, so a new field is bounded the day it is added.
/// </summary>
public static class FieldLimits
{
    /// <summary>Names, ids, ARNs, regions, titles and every string not listed below: characters, no control characters.</summary>
    public const int Name = 1024;

    /// <summary>Free text (notes, reasons, descriptions, lessons learned): characters; tab and line breaks allowed.</summary>
    public const int Text = 64 * 1024;

    /// <summary>JSON documents (a finding, a CloudTrail record, a prior state): characters.</summary>
    public const int Json = 1024 * 1024;

    /// <summary>Paging and continuation tokens: characters.</summary>
    public const int Token = 8 * 1024;

    /// <summary>Entries of any repeated field or map not listed in <see cref="Count"/>.</summary>
    public const int Entries = 10_000;

    /// <summary>Regions of a scope: more than every region of every partition.</summary>
    public const int Regions = 64;

    /// <summary>Accounts of a scope.</summary>
    public const int Accounts = 5_000;

    /// <summary>Credentials of one request.</summary>
    public const int Credentials = 1_000;

    /// <summary>Trail events of one plan request.</summary>
    public const int Events = 100_000;

    // Proto field names of free text: the only strings that may hold tabs and line breaks.
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "text", "reason", "description", "body", "lessons_learned", "end_user_impact", "explanation", "summary",
        "message", "rationale", "result_message", "refused_reason", "warnings", "error_message", "last_error",
        "what", "user_agent", "cannot_revoke", "contact", "escalation_reason", "waiting_for",
    };

    /// <summary>The most characters a string field of this proto name holds, and whether tabs and line breaks are allowed.</summary>
    public static (int Max, bool Multiline) ForString(string fieldName) => fieldName switch
    {
        _ when fieldName.EndsWith("_json", StringComparison.Ordinal) => (Json, true),
        _ when fieldName.EndsWith("token", StringComparison.Ordinal) => (Token, false),
        _ when FreeText.Contains(fieldName) => (Text, true),
        _ => (Name, false),
    };

    /// <summary>The most entries a repeated field or map of this proto name holds.</summary>
    public static int Count(string fieldName) => fieldName switch
    {
        "regions" => Regions,
        "account_ids" => Accounts,
        "credentials" => Credentials,
        "events" => Events,
        _ => Entries,
    };
}
