using CredIr.Contracts.V1;

namespace CredIr.Reports.Tests.Sandbox;

/// <summary>
/// What one incident driven against a sandbox scenario left behind: the incident as the coordinator
/// holds it, the three reports GetReport returned, the scenario's ground truth and every secret the
/// sandbox issued or the scenario used (none may appear in a report).
/// </summary>
internal sealed record ScenarioRun(
    string Scenario,
    Incident Incident,
    Report Json,
    Report Markdown,
    Report Html,
    IReadOnlyList<ActorCall> ActorCalls,
    IReadOnlyList<string> Secrets);
