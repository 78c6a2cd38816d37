using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Cli.Hosting;

/// <summary>
/// Every service in this process for a command that runs one incident itself (the demo, <c>respond</c>
/// without --server): loopback on a free port, logs to stderr and only from warnings up, so that
/// stdout carries the command's own output.
/// </summary>
internal sealed class LocalServices : IAsyncDisposable
{
    private LocalServices(ServiceComposition composition)
    {
        Composition = composition;
    }

    public ServiceComposition Composition { get; }

    public WebApplication App => Composition.App;

    public Contracts.V1.Incidents.IncidentsClient Incidents => App.Services.GetRequiredService<Contracts.V1.Incidents.IncidentsClient>();

    public static async Task<LocalServices> StartAsync(IReadOnlyDictionary<string, string?> settings, string[] args, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var composition = ServiceComposition.Build(ServiceComposition.AllServices, args, all);
        try
        {
            await composition.App.StartAsync(cancellationToken);
        }
        catch
        {
            await composition.App.DisposeAsync();
            throw;
        }

        return new LocalServices(composition);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
