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

        if (options.IdleActivationTimeout < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{IncidentsOptions.SectionName}:IdleActivationTimeout must be at least one minute, Orleans' collection quantum (e.g. 00:10:00).");
        }

        if (options.AdvanceCallWait <= TimeSpan.Zero || options.AdvanceCallWait > TimeSpan.FromSeconds(25))
        {
            failures.Add($"{IncidentsOptions.SectionName}:AdvanceCallWait must be positive and at most 25 s, under Orleans' 30 s response timeout (e.g. 00:00:20).");
        }

        ValidateSilo(options.Silo, failures);

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

        ValidateReminders(options, failures);

        if (string.IsNullOrWhiteSpace(options.AutoApprove.Name))
        {
            failures.Add($"{IncidentsOptions.SectionName}:AutoApprove:Name must name the policy; approvals record it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Both run on Orleans reminders, whose period is at least one minute.
    private static void ValidateReminders(IncidentsOptions options, List<string> failures)
    {
        const string Section = IncidentsOptions.SectionName;
        if (options.PostContainmentWatch <= TimeSpan.Zero || options.PostContainmentWatch > TimeSpan.FromDays(7))
        {
            failures.Add($"{Section}:PostContainmentWatch must be positive and at most seven days: how long CloudTrail is watched after containment (the playbook: 00:30:00).");
        }

        if (options.PostContainmentCheckInterval < TimeSpan.FromMinutes(1) || options.PostContainmentCheckInterval > options.PostContainmentWatch)
        {
            failures.Add($"{Section}:PostContainmentCheckInterval must be at least one minute (Orleans' shortest reminder period) and no longer than PostContainmentWatch (e.g. 00:05:00).");
        }

        if (options.PhaseRetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:PhaseRetryDelay must be positive: how long the first automatic retry of a failed phase waits (e.g. 00:01:00).");
        }

        if (options.PhaseRetryMaxDelay < TimeSpan.FromMinutes(1) || options.PhaseRetryMaxDelay < options.PhaseRetryDelay)
        {
            failures.Add($"{Section}:PhaseRetryMaxDelay must be at least one minute (Orleans' shortest reminder period) and no shorter than PhaseRetryDelay (e.g. 00:30:00).");
        }

        if (options.PhaseRetryAttempts is < 0 or > 100)
        {
            failures.Add($"{Section}:PhaseRetryAttempts must be between 0 (no automatic retry) and 100 (e.g. 8).");
        }
    }

    private static void ValidateSilo(Cluster.SiloSettings silo, List<string> failures)
    {
        const string Section = IncidentsOptions.SectionName + ":Silo";
        if (string.IsNullOrWhiteSpace(silo.ClusterId))
        {
            failures.Add($"{Section}:ClusterId must name the cluster (e.g. credir).");
        }

        if (silo.SiloPort is < 0 or > 65535)
        {
            failures.Add($"{Section}:SiloPort must be a TCP port (0 picks a free one).");
        }

        if (!System.Net.IPAddress.TryParse(silo.AdvertisedAddress, out _))
        {
            failures.Add($"{Section}:AdvertisedAddress must be an IP address other silos reach this one at (e.g. 10.0.0.5).");
        }

        if (silo.ProbeTimeout <= TimeSpan.Zero || silo.TableRefreshTimeout <= TimeSpan.Zero || silo.IAmAliveTablePublishTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}: ProbeTimeout, TableRefreshTimeout and IAmAliveTablePublishTimeout must be positive.");
        }

        if (silo.MissedProbesLimit < 1)
        {
            failures.Add($"{Section}:MissedProbesLimit must be at least 1.");
        }
    }
}
