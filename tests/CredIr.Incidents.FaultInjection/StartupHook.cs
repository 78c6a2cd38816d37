using System.Diagnostics;
using CredIr.Incidents.FaultInjection;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Loaded by the runtime before Main when DOTNET_STARTUP_HOOKS names this assembly (the runtime
/// looks the type up by this name, outside any namespace). It watches the hosting diagnostics for
/// the host being built and, when that host has an incident store, puts the crash points around it.
/// Armed by CREDIR_CRASH_AT (before:KIND or after:KIND), CREDIR_CRASH_OCCURRENCE (default 1) and
/// CREDIR_CRASH_MATCHING (optional).
/// </summary>
#pragma warning disable CA1050 // The startup hook contract: a type named StartupHook in no namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var options = CrashPointSettings.FromEnvironment();
        if (options is null)
        {
            return;
        }

        DiagnosticListener.AllListeners.Subscribe(new HostingObserver(options));
    }

    private sealed class HostingObserver(CrashPointSettings settings) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> hostingEvent)
        {
            if (hostingEvent is { Key: "HostBuilding", Value: IHostBuilder builder })
            {
                builder.ConfigureServices(services => Wrap(services, settings));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        private static void Wrap(IServiceCollection services, CrashPointSettings settings)
        {
            var original = services.LastOrDefault(static d => d.ServiceType == typeof(IIncidentStore));
            if (original is null)
            {
                return;
            }

            var points = new CrashPoints(settings);
            services.Remove(original);
            services.AddSingleton<IIncidentStore>(sp => new CrashPointStore(Create(original, sp), points));
        }

        private static IIncidentStore Create(ServiceDescriptor original, IServiceProvider services) =>
            (IIncidentStore)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));
    }
}
