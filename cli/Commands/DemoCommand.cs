using System.CommandLine;
using CredIr.Cli.Demo;

namespace CredIr.Cli.Commands;

/// <summary><c>credir demo</c>: the whole playbook against the sandbox, in one process.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the incident store and the reports.", DefaultValueFactory = _ => "credir-demo" };
        var scenario = new Option<string>("--scenario") { Description = "A shipped scenario name or a scenario file (an AWS one, or a Huawei Cloud one such as huawei-ak-leak).", DefaultValueFactory = _ => "multi-account-org" };
        var command = new Command("demo", CliApp.Describe(
            "Start the sandbox and every service in this process, open an incident for the scenario's leaked key and run the playbook with automatic approvals (shown as such). Writes report.html, report.md and report.json under --out. Exit 0 only if the playbook completed.",
            "credir demo",
            "credir demo --out /tmp/demo --scenario single-account-key-leak",
            "credir demo --scenario huawei-ak-leak"))
        {
            output, scenario,
        };
        command.SetAction((ParseResult result, CancellationToken ct) =>
            new DemoRun(result.GetValue(output)!, result.GetValue(scenario)!).RunAsync(ct));
        return command;
    }
}
