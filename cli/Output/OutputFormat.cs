namespace CredIr.Cli.Output;

/// <summary>How a command prints its result: a table for people, CSV or JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}
