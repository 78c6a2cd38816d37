using System.Net;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Authorization;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Huawei;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Services.CloudTrail;
using CredIr.Sandbox.Trail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Sandbox;

/// <summary>
/// The AWS game-day sandbox on a loopback port: one endpoint for every service, SigV4 against the
/// keys it issued, and a CloudTrail that records every call. Start with <see cref="StartAsync"/>.
/// </summary>
public sealed partial class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;
    private readonly LookupThrottle _throttle;
    private readonly IReadOnlyDictionary<string, SandboxCredentials> _obtained;

    private SandboxHost(WebApplication app, SandboxState state, SandboxTrail trail, LookupThrottle throttle, FaultInjector faults,
        SandboxAthena athena, Uri endpoint, Scenario scenario, IReadOnlyDictionary<string, SandboxCredentials> obtained, HuaweiAccount? huawei)
    {
        Athena = athena;
        Huawei = huawei;
        _app = app;
        _state = state;
        _throttle = throttle;
        _obtained = obtained;
        Trail = trail;
        Faults = faults;
        Endpoint = endpoint;
        Scenario = scenario;
        lock (state.Gate)
        {
            Accounts = state.Accounts.Select(a =>
            {
                var key = a.Users[scenario.Options.AdminUser].AccessKeys[0];
                return new SandboxAccountInfo(a.Id, a.Name, key.Id, key.Secret);
            }).ToList();
        }
    }

    public Uri Endpoint { get; }

    /// <summary>The organization's accounts, management account first.</summary>
    public IReadOnlyList<SandboxAccountInfo> Accounts { get; }

    public IReadOnlyList<string> Regions => _state.Regions;

    /// <summary>The organization's id (o-...), as in the organization trail's S3 prefix.</summary>
    public string OrganizationId => _state.OrganizationId;

    public FaultInjector Faults { get; }

    public SandboxClock Clock => _state.Clock;

    public SandboxTrail Trail { get; }

    /// <summary>The Athena engine behind the athena endpoint (queries over this trail's log files).</summary>
    public SandboxAthena Athena { get; }

    public Scenario Scenario { get; }

    /// <summary>The Huawei Cloud account when a Huawei scenario was given (endpoints under /huawei), else null.</summary>
    public HuaweiAccount? Huawei { get; }

    /// <summary>How long a key set Inactive keeps working, as IAM's eventual consistency allows (zero: at once).</summary>
    public TimeSpan IamPropagationDelay
    {
        get => _state.IamPropagationDelay;
        set
        {
            lock (_state.Gate)
            {
                _state.IamPropagationDelay = value;
            }
        }
    }

    /// <summary>LookupEvents requests per second per account and region (AWS: 2); null or 0 turns the limit off.</summary>
    public double? LookupEventsRateLimit
    {
        get => _throttle.Rate;
        set => _throttle.Rate = value;
    }

    /// <summary>LookupEvents requests refused with ThrottlingException (over the rate above) since the sandbox started.</summary>
    public long LookupEventsThrottled => _throttle.Refused;

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = options.ScenarioPath ?? "(in-memory scenario)";
        var scenario = options.Scenario ?? (options.ScenarioPath is { } path ? ScenarioLoader.Load(path) : new Scenario());
        if (options.Scenario is not null)
        {
            ScenarioLoader.Validate(scenario, source);
        }

        var clock = new SandboxClock(options.TimeProvider ?? TimeProvider.System);
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var partition = SandboxPartition.Find(scenario.Partition)!;
        var regions = scenario.Regions is { Count: > 0 } r ? r : partition.DefaultRegions is { Count: > 0 } own ? own : options.DefaultRegions;
        var state = new SandboxState(clock, new IdGenerator(scenario.Seed), regions, partition);
        var seeder = new OrganizationSeeder(state, scenario, source, start);
        seeder.Seed();
        if (!RelativeTime.TryParse(scenario.Options.DeliveryDelay, out var delay) || delay < TimeSpan.Zero)
        {
            throw ScenarioException.At(source, "options.deliveryDelay", $"'{scenario.Options.DeliveryDelay}' is not a duration such as 0s or 5m");
        }

        if (!RelativeTime.TryParse(scenario.Options.IamPropagationDelay, out var propagation) || propagation < TimeSpan.Zero)
        {
            throw ScenarioException.At(source, "options.iamPropagationDelay", $"'{scenario.Options.IamPropagationDelay}' is not a duration such as 0s or 5s");
        }

        state.IamPropagationDelay = propagation;
        var trail = new SandboxTrail { DeliveryDelay = delay };
        Import(scenario, seeder, trail, source, start, options.ScenarioPath);
        var throttle = new LookupThrottle(options.TimeProvider ?? TimeProvider.System) { Rate = scenario.Options.LookupEventsRateLimit };
        var faults = new FaultInjector(new Random(scenario.Seed));
        var huawei = HuaweiFor(options, clock, start);
        var athena = new SandboxAthena(state, trail);
        var app = Build(options.Port, state, trail, throttle, faults, athena, scenario.Options.DataEvents, huawei);
        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var endpoint = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            using var http = new HttpClient();
            var runner = new ScenarioRunner(state, http, endpoint, scenario, source, start);
            await runner.RunAsync(ct);
            if (huawei is not null)
            {
                huawei.Root = new Uri(endpoint, "/");
                await new HuaweiScenarioRunner(huawei, http, options.HuaweiScenarioPath ?? "(in-memory Huawei scenario)", start).RunAsync(ct);
            }
            var logger = app.Services.GetRequiredService<ILogger<SandboxHost>>();
            SandboxLog.ScenarioRan(logger, scenario.Name, scenario.Steps.Count, runner.Failed);
            SandboxLog.Serving(logger, endpoint, state.Accounts.Count);
            return new SandboxHost(app, state, trail, throttle, faults, athena, endpoint, scenario, runner.Obtained, huawei);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            athena.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Athena.Dispose();
    }

    /// <summary>Writes the trail's log files in CloudTrail's S3 layout under <paramref name="directory"/>.</summary>
    public Task<IReadOnlyList<string>> ExportTrailAsync(string directory, CancellationToken ct) => Trail.ExportAsync(directory, ct);

    private static void Import(Scenario scenario, OrganizationSeeder seeder, SandboxTrail trail, string source, DateTimeOffset start, string? scenarioPath)
    {
        for (var i = 0; i < scenario.Imports.Count; i++)
        {
            var import = scenario.Imports[i];
            var account = seeder.Resolve(import.Account, $"imports[{i}].account");
            var path = scenarioPath is null || Path.IsPathRooted(import.Path) ? import.Path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath))!, import.Path);
            DateTimeOffset? newest = null;
            if (import.NewestAt is not null)
            {
                newest = RelativeTime.TryParse(import.NewestAt, out var offset) ? start + offset
                    : throw ScenarioException.At(source, $"imports[{i}].newestAt", $"'{import.NewestAt}' is not a relative time such as -2h");
            }

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw ScenarioException.At(source, $"imports[{i}].path", $"'{path}' does not exist");
            }

            try
            {
                trail.Import(account.Id, path, newest);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or IOException or FormatException)
            {
                throw ScenarioException.At(source, $"imports[{i}].path", e.Message);
            }
        }
    }

    private static HuaweiAccount? HuaweiFor(SandboxOptions options, SandboxClock clock, DateTimeOffset start)
    {
        var source = options.HuaweiScenarioPath ?? "(in-memory Huawei scenario)";
        var scenario = options.HuaweiScenarioPath is { } path ? HuaweiScenarioLoader.Load(path) : options.HuaweiScenario;
        return scenario is null ? null : HuaweiAccount.Create(clock, scenario, source, start);
    }

    private static WebApplication Build(int port, SandboxState state, SandboxTrail trail, LookupThrottle throttle, FaultInjector faults, SandboxAthena athena, bool dataEvents, HuaweiAccount? huawei)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // stdout belongs to the start-up JSON line: every log goes to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("CredIr", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1));
        var authorizer = new AccessAuthorizer(state);
        var tokens = new PageToken(IdGenerator.RandomKey());
        var services = new Dictionary<string, ISandboxService>(StringComparer.Ordinal);
        foreach (var service in ServiceCatalog.Create(trail, throttle, tokens, faults, athena))
        {
            services[service.Descriptor.SigningName] = service;
        }

        builder.Services.AddSingleton(sp => new RequestPipeline(state, new SigV4Verifier(state), authorizer,
            new TrailRecorder(trail, state, dataEvents), faults, services, sp.GetRequiredService<ILogger<RequestPipeline>>()));
        var app = builder.Build();
        var pipeline = app.Services.GetRequiredService<RequestPipeline>();
        if (huawei is not null)
        {
            // Huawei's APIs sign their own path (the prefix included): the verifier reads the raw request target.
            app.Map(HuaweiAccount.PathPrefix, branch => branch.Run(huawei.HandleAsync));
        }

        app.Run(pipeline.HandleAsync);
        return app;
    }
}
