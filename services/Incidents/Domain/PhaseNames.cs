using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>The lower-case phase names responders read ("containing"), from the enum.</summary>
internal static class PhaseNames
{
    public static string Of(Phase phase) => phase switch
    {
        Phase.Opened => "opened",
        Phase.Identified => "identified",
        Phase.Containing => "containing",
        Phase.Contained => "contained",
        Phase.Eradicating => "eradicating",
        Phase.Eradicated => "eradicated",
        Phase.Recovering => "recovering",
        Phase.Recovered => "recovered",
        Phase.Closed => "closed",
        _ => "unspecified",
    };
}
