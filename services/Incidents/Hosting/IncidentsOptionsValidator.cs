using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Hosting;

/// <summary>Refuses a bad configuration at start, naming the key and what to put there.</summary>
internal sealed class IncidentsOptionsValidator : IValidateOptions<IncidentsOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentsOptions options)
    {
        var failures = new List<string>();
        if (IncidentStoreFactory.Check(options.Store) is { } storeProblem)
        {
            failures.Add($"{IncidentsOptions.SectionName}:Store: {storeProblem}");
        }

        if (options.IdleActivationTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{IncidentsOptions.SectionName}:IdleActivationTimeout must be positive (e.g. 00:10:00).");
        }

        if (options.ConflictRetries is < 0 or > 100)
        {
            failures.Add($"{IncidentsOptions.SectionName}:ConflictRetries must be between 0 and 100.");
        }

        if (options.RunClaimDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{IncidentsOptions.SectionName}:RunClaimDuration must be at least one second (e.g. 00:00:30).");
        }

        if (options.WatchPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{IncidentsOptions.SectionName}:WatchPollInterval must be positive (e.g. 00:00:01).");
        }

        if (options.VerificationWindow <= TimeSpan.Zero || options.VerificationWindow > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{IncidentsOptions.SectionName}:VerificationWindow must be positive and at most five minutes, since it holds the advance call (e.g. 00:00:10).");
        }

        if (options.VerificationPollInterval <= TimeSpan.Zero || options.VerificationPollInterval > options.VerificationWindow)
        {
            failures.Add($"{IncidentsOptions.SectionName}:VerificationPollInterval must be positive and no longer than VerificationWindow (e.g. 00:00:02).");
        }

        if (options.DeliveryDelay < TimeSpan.Zero || options.DeliveryDelay > TimeSpan.FromHours(12))
        {
            failures.Add($"{IncidentsOptions.SectionName}:DeliveryDelay must be between zero and 12 hours: how late CloudTrail may deliver an event (AWS: about 15 minutes, 00:15:00).");
        }

        if (Faults.CrashPoints.Check(options.CrashPoint.At) is { } crashProblem)
        {
            failures.Add($"{IncidentsOptions.SectionName}:CrashPoint:At: {crashProblem}");
        }

        if (options.CrashPoint.Occurrence < 1)
        {
            failures.Add($"{IncidentsOptions.SectionName}:CrashPoint:Occurrence must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.AutoApprove.Name))
        {
            failures.Add($"{IncidentsOptions.SectionName}:AutoApprove:Name must name the policy; approvals record it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
