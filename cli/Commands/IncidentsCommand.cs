using System.CommandLine;

namespace CredIr.Cli.Commands;

/// <summary><c>credir incidents</c>: list, show, watch, approve (or reject) and close incidents on a CredIr server.</summary>
internal static class IncidentsCommand
{
    public static Command Create()
    {
        var command = new Command("incidents", "Incidents on a CredIr server (credir serve or the gateway): list, show, watch, approve, close.");
        command.Subcommands.Add(IncidentsListCommand.Create());
        command.Subcommands.Add(IncidentsShowCommand.Create());
        command.Subcommands.Add(IncidentsWatchCommand.Create());
        command.Subcommands.Add(IncidentsApproveCommand.Create());
        command.Subcommands.Add(IncidentsCloseCommand.Create());
        return command;
    }
}
