namespace CredIr.Incidents.Reporting;

/// <summary>
/// The coordinator journals a step as <c>plan id/step id</c> (step ids are only unique within a
/// plan); the report pairs a journal entry with its plan's step by the bare step id and the plan id.
/// </summary>
internal static class StepIds
{
    public static string Bare(string planId, string journalStepId) =>
        planId.Length > 0 && journalStepId.StartsWith(planId + "/", StringComparison.Ordinal)
            ? journalStepId[(planId.Length + 1)..]
            : journalStepId;
}
