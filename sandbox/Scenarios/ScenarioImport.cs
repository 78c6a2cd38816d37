namespace CredIr.Sandbox.Scenarios;

/// <summary>CloudTrail log files (.json, .json.gz, a file or a folder) to load into an account's history.</summary>
public sealed record ScenarioImport
{
    /// <summary>A file or folder; relative paths are resolved from the scenario file's folder.</summary>
    public string Path { get; init; } = "";
    public string? Account { get; init; }
    /// <summary>Shift every event so the newest lies at this time relative to start ("-2h"); keep times when absent.</summary>
    public string? NewestAt { get; init; }
}
