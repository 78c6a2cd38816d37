using CredIr.Incidents.Domain;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

/// <summary>
/// Makes sure one coordinator at a time drives an incident's playbook when several share a store:
/// the run claim is a row with an expiry, renewed while the run lasts, released at its end. A
/// claim held by another live coordinator refuses the run (ABORTED: retry later); an expired claim,
/// or one whose holder is known dead, is taken over.
/// </summary>
internal sealed class RunClaims(IIncidentStore store, CoordinatorIdentity identity, GrainRuntimeOptions options, TimeProvider time, ILogger<RunClaims> logger)
{
    public string Holder => identity.Id;

    public async Task<RunLease> ClaimAsync(string incidentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await store.ClaimRunAsync(incidentId, identity.Id, now, now + options.RunClaimDuration, null, cancellationToken);
        if (!claim.Granted && CoordinatorIdentity.IsSurelyGone(claim.Holder))
        {
            RunClaimsLog.TakingOver(logger, incidentId, claim.Holder);
            claim = await store.ClaimRunAsync(incidentId, identity.Id, now, now + options.RunClaimDuration, claim.Holder, cancellationToken);
        }

        if (!claim.Granted)
        {
            throw new IncidentException(
                IncidentErrorKind.Aborted,
                $"Incident {incidentId} is being advanced by coordinator {claim.Holder} (its claim runs to {claim.ExpiresAt:O} unless renewed); watch the incident, or advance again once that run stops.");
        }

        return new RunLease(incidentId, this, options.RunClaimDuration, time);
    }

    /// <summary>False when another coordinator took the claim (this one stalled past its expiry).</summary>
    internal async Task<bool> RenewAsync(string incidentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await store.ClaimRunAsync(incidentId, identity.Id, now, now + options.RunClaimDuration, null, cancellationToken);
        if (!claim.Granted)
        {
            RunClaimsLog.Lost(logger, incidentId, claim.Holder);
        }

        return claim.Granted;
    }

    internal Task ReleaseAsync(string incidentId) => store.ReleaseRunAsync(incidentId, identity.Id, CancellationToken.None);
}
