using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>
/// The incident's phases and the moves between them: forward one phase at a time, back to
/// containing when a derived credential turns up after containment (the playbook's loop until no
/// new credential appears), closed from recovered, or from before any cloud change (a false
/// positive), and from anywhere else only when forced with a reason.
/// </summary>
internal static class PhaseMachine
{
    private static readonly Phase[] Order =
    [
        Phase.Opened, Phase.Identified, Phase.Containing, Phase.Contained, Phase.Eradicating,
        Phase.Eradicated, Phase.Recovering, Phase.Recovered, Phase.Closed,
    ];

    public static bool IsAllowed(Phase from, Phase to, bool force = false)
    {
        if (from == Phase.Closed || to == Phase.Unspecified || from == Phase.Unspecified)
        {
            return false;
        }

        if (to == Phase.Closed)
        {
            return force || from is Phase.Opened or Phase.Identified or Phase.Recovered;
        }

        if (to == Phase.Containing && from is Phase.Contained or Phase.Eradicating or Phase.Eradicated)
        {
            return true;
        }

        return IndexOf(to) == IndexOf(from) + 1;
    }

    public static void EnsureAllowed(Phase from, Phase to, bool force = false)
    {
        if (!IsAllowed(from, to, force))
        {
            throw new IllegalTransitionException(from, to, Requirement(from, to));
        }
    }

    /// <summary>The phase after <paramref name="phase"/> on the forward path, or null after recovered.</summary>
    public static Phase? Next(Phase phase)
    {
        var index = IndexOf(phase);
        return index >= 0 && index < Order.Length - 2 ? Order[index + 1] : null;
    }

    private static string Requirement(Phase from, Phase to)
    {
        if (from == Phase.Closed)
        {
            return "the incident is closed; open a new incident instead.";
        }

        if (to == Phase.Closed)
        {
            return "cloud changes were made, so recovery must finish first (or close with force and a reason).";
        }

        if (to == Phase.Containing && IndexOf(from) > IndexOf(Phase.Eradicated))
        {
            return "derived credentials are found during eradication; a new credential now needs a new incident.";
        }

        var predecessor = IndexOf(to) - 1;
        return predecessor < 0
            ? "no phase leads there."
            : $"the incident must be {PhaseNames.Of(Order[predecessor])} first ({Explain(Order[predecessor])}).";
    }

    private static string Explain(Phase phase) => phase switch
    {
        Phase.Opened => "open it",
        Phase.Identified => "identification must resolve the credentials",
        Phase.Containing => "the containment plan must be approved and started",
        Phase.Contained => "every credential must be contained and verified",
        Phase.Eradicating => "the eradication scan must start",
        Phase.Eradicated => "the scan must finish and the actor's resources be removed",
        Phase.Recovering => "the recovery plan must be approved and started",
        Phase.Recovered => "every recovery item must be done",
        _ => "no earlier phase",
    };

    private static int IndexOf(Phase phase) => Array.IndexOf(Order, phase);
}
