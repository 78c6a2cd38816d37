using System.CommandLine;
using CredIr.Cli.Hosting;
using CredIr.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CredIr.Cli.Commands;

/// <summary><c>credir serve</c>: the services in one Kestrel process (all, or a chosen subset).</summary>
internal static class ServeCommand
{
    /// <summary>What serve prints at start in development mode: the trust it gives is easy to forget once running.</summary>
    internal const string DevelopmentModeWarning =
        "credir serve: WARNING: development mode (--dev, Grpc:TrustLoopbackCaller): the caller name any loopback client declares is believed, so anyone on this machine can approve as anyone. Never use it on a shared server: put the gateway in front (Grpc:CallerKey) or set ServiceIdentity:Key.";

    public static Command Create()
    {
        var services = new Option<string>("--services") { Description = "Comma-separated: incidents,identification,containment,eradication,recovery (default: all).", DefaultValueFactory = _ => string.Join(',', ServiceComposition.AllServices) };
        var store = new Option<string?>("--store") { Description = "The incident store: sqlite:PATH (default sqlite:credir.db) or postgres://user@host:port/db (a password belongs in the environment, Incidents__Store=..., not on a command line)." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (h2c on http://).", DefaultValueFactory = _ => "http://127.0.0.1:5070" };
        var aws = new Option<string?>("--aws-endpoint") { Description = "Send every AWS call to this endpoint (e.g. a sandbox) instead of AWS." };
        var dev = new Option<bool>("--dev") { Description = "Development mode: believe the caller name (x-credir-caller, the CLI's CREDIR_USER) any loopback client declares, so that anyone on this machine may approve as anyone. For trying CredIr on one machine only; off by default (Grpc:TrustLoopbackCaller)." };
        var command = new Command("serve", CliApp.Describe(
            "Serve the gRPC services (with health and reflection). Phases not hosted here are called at Services:<Phase>:Address; settings also come from appsettings.json and CREDIR-style environment variables (Incidents__Store=...).",
            "credir serve --store sqlite:/var/lib/credir/credir.db",
            "credir serve --dev --store sqlite:credir.db",
            "Incidents__Store=postgres://credir:PASSWORD@db:5432/credir Approvals__SigningKeyFile=/run/secrets/credir-signing.pem credir serve --urls http://0.0.0.0:5070",
            "credir serve --services incidents,identification --urls http://127.0.0.1:5070 -- --Services:Containment:Address=http://10.0.0.5:5071"))
        {
            services, store, urls, aws, dev,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var settings = new Dictionary<string, string?> { ["urls"] = result.GetValue(urls) };
            if (result.GetValue(store) is { } s)
            {
                settings["Incidents:Store"] = s;
            }

            if (result.GetValue(aws) is { } endpoint)
            {
                settings["Aws:EndpointUrl"] = endpoint;
            }

            if (result.GetValue(dev))
            {
                settings[$"{CredIrGrpcOptions.SectionName}:{nameof(CredIrGrpcOptions.TrustLoopbackCaller)}"] = "true";
            }

            var chosen = result.GetValue(services)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var composition = ServiceComposition.Build(chosen, [.. result.UnmatchedTokens], settings);
            await using var app = composition.App;
            await app.StartAsync(ct);
            await Console.Error.WriteLineAsync($"credir serve: {string.Join(", ", app.Urls)}; serving {string.Join(", ", composition.Hosted)}"
                + (composition.Remote.Count > 0 ? $"; calling {string.Join(", ", composition.Remote)} over HTTP/2" : string.Empty)
                + (composition.Missing.Count > 0 ? $"; no service for {string.Join(", ", composition.Missing)} (incidents stop there)" : string.Empty));
            if (app.Services.GetRequiredService<IOptions<CredIrGrpcOptions>>().Value is { TrustLoopbackCaller: true, CallerKey: null or "" })
            {
                await Console.Error.WriteLineAsync(DevelopmentModeWarning);
            }
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
