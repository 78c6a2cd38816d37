using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Phases;

/// <summary>
/// Runs the playbook from the incident's phase until it must wait (an approval, a failed step, a
/// missing phase service) or reaches recovered. Every phase change, plan, step result and finding
/// is committed as it happens, so a coordinator that dies mid-way resumes from the document and
/// the journal, not from memory.
/// </summary>
internal sealed partial class PlaybookDriver(
    PhaseServices phases,
    JournaledExecutor journal,
    Approvals approvals,
    ApprovalIssuer issuer,
    IOptions<IncidentsOptions> options,
    ILogger<PlaybookDriver> logger) : IPlaybookDriver
{
    // Far more rounds than a real incident needs; it stops a bug from spinning forever.
    private const int MaxRounds = 200;

    public async Task AdvanceAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        await ReviseEstimateAsync(session, actor, cancellationToken);
        for (var round = 0; round < MaxRounds; round++)
        {
            var phase = session.Current.Phase;
            bool again;
            try
            {
                again = phase switch
                {
                    Phase.Opened => await IdentifyAsync(session, actor, cancellationToken),
                    Phase.Identified => await NotifyAsync(session, actor, cancellationToken)
                        && await MoveAsync(session, Phase.Containing, "containment starts", cancellationToken),
                    Phase.Containing => await ContainAsync(session, actor, cancellationToken),
                    // The trail left for after containment is read before the scan, which starts from the estimate.
                    Phase.Contained => await ReviseEstimateAsync(session, actor, cancellationToken)
                        && await MoveAsync(session, Phase.Eradicating, "the scan for the actor's calls starts", cancellationToken),
                    Phase.Eradicating => await EradicateAsync(session, actor, cancellationToken),
                    Phase.Eradicated => await MoveAsync(session, Phase.Recovering, "recovery starts", cancellationToken),
                    Phase.Recovering => await RecoverAsync(session, actor, cancellationToken),
                    _ => false,
                };
            }
            catch (RpcException exception)
            {
                PlaybookDriverLog.PhaseFailed(logger, session.IncidentId, PhaseNames.Of(phase), exception.Status.ToString());
                await FailAsync(session, phase, exception, cancellationToken);
                return;
            }

            if (!again)
            {
                await RecoveredFromFailureAsync(session, cancellationToken);
                return;
            }
        }
    }

    private static async Task<bool> MoveAsync(IIncidentSession session, Phase to, string why, CancellationToken cancellationToken)
    {
        await session.CommitAsync(null, "phase", $"phase {PhaseNames.Of(to)}: {why}", incident =>
        {
            IncidentWorkflow.MoveTo(incident, to, why, session.Now);
            incident.LastError = string.Empty;
            incident.WaitingFor = to == Phase.Recovered ? "closing by a responder, with lessons learned" : string.Empty;
            return true;
        }, cancellationToken);
        return true;
    }

    /// <summary>Records what the incident waits for (and why it stopped), once.</summary>
    private static async Task StopAsync(IIncidentSession session, string waitingFor, string error, CancellationToken cancellationToken)
    {
        await session.CommitAsync(null, "waiting", $"waiting for {waitingFor}", incident =>
        {
            if (incident.WaitingFor == waitingFor && incident.LastError == error)
            {
                return false;
            }

            incident.WaitingFor = waitingFor;
            incident.LastError = error;
            return true;
        }, cancellationToken);
    }

    private static async Task<bool> MissingAsync(IIncidentSession session, string service, CancellationToken cancellationToken)
    {
        await StopAsync(session, $"the {service} service to be configured", $"no {service} service is configured for this coordinator", cancellationToken);
        return false;
    }

    private static readonly TimeSpan UnaryCallTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StreamCallTimeout = TimeSpan.FromHours(6);

    /// <summary>
    /// How the coordinator calls a phase, over HTTP/2 or in-process alike: as the actor (x-credir-caller, believed only
    /// in-process or with the gateway's key), cancelled with the incident's work, and with a deadline. Plans and
    /// lookups answer in seconds; streams (a scan over 90 days of trail, a 30-minute verification watch) run long.
    /// </summary>
    private static CallOptions Context(string actor, CancellationToken cancellationToken, bool stream = false) =>
        new(new Metadata { { CallerHeaders.Caller, actor } }, Deadlines.After(stream ? StreamCallTimeout : UnaryCallTimeout), cancellationToken);
}
