namespace CredIr.Incidents.Storage;

/// <summary>A journal row is written before a cloud side effect (intent) and after it (result).</summary>
internal enum JournalKind
{
    Intent,
    Result,
}
