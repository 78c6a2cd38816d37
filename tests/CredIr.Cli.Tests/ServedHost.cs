using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CredIr.Sandbox;

namespace CredIr.Cli.Tests;

/// <summary>
/// A sandbox (single-account-key-leak) and <c>credir serve</c> in front of it, as a user runs them:
/// the built CLI in its own process, its AWS calls sent to the sandbox with the sandbox admin's key
/// from the environment, a SQLite store in a temporary folder.
/// </summary>
public sealed class ServedHost : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"credir-served-{Guid.NewGuid():N}");
    private readonly string _scenarioPath;
    private readonly string _region;
    private readonly Func<SandboxHost, IEnumerable<string>> _settings;
    private SandboxHost? _sandbox;

    public ServedHost()
        : this(Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"), "us-east-1")
    {
    }

    /// <summary>
    /// A host for another scenario, its AWS calls signed for <paramref name="region"/> (the partition follows from it).
    /// Internal: xunit takes a collection fixture's one public constructor.
    /// </summary>
    internal ServedHost(string scenarioPath, string region)
        : this(scenarioPath, region, static _ => [])
    {
    }

    /// <summary>A host whose <c>credir serve</c> also gets these <c>--Section:Key=value</c> settings (made once the sandbox runs).</summary>
    internal ServedHost(string scenarioPath, string region, Func<SandboxHost, IEnumerable<string>> settings)
    {
        _scenarioPath = scenarioPath;
        _region = region;
        _settings = settings;
    }

    public SandboxHost Sandbox => _sandbox ?? throw new InvalidOperationException("the host is not started");
    private Process? _serve;

    public string Url { get; private set; } = string.Empty;

    public string LeakedKey { get; private set; } = string.Empty;

    public string Folder => _folder;

    /// <summary>
    /// Whether serve runs with --dev and so believes the CREDIR_USER its loopback clients declare, as the README's
    /// local multi-user flows do (alice responds, bob approves); true unless a test says otherwise.
    /// </summary>
    public bool DevelopmentMode { get; init; } = true;

    /// <summary>What serve printed on stderr at start, its ready line first.</summary>
    public IReadOnlyList<string> StartLines { get; private set; } = [];

    /// <summary>Whether <c>credir serve</c> has exited (it must not, whatever it is sent).</summary>
    public bool ServeExited => _serve?.HasExited ?? true;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = _scenarioPath },
            CancellationToken.None);
        LeakedKey = _sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var admin = _sandbox.Accounts[0];
        Url = $"http://127.0.0.1:{FreePort()}";
        _serve = Process.Start(Credir.StartInfo(
            ["serve", "--urls", Url, .. DevelopmentMode ? (string[])["--dev"] : [], "--store", "sqlite:" + Path.Combine(_folder, "credir.db"), "--aws-endpoint", _sandbox.Endpoint.ToString(), "--", "--Aws:UseEnvironmentEndpoints=false", "--Aws:Region=" + _region,
                // As the README's SOAR example says: a served coordinator approves on request only when its operator allows it.
                "--Incidents:AutoApprove:AllowOnRequest=true", .. _settings(_sandbox)],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = admin.AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = admin.AdminSecretAccessKey,
                ["AWS_REGION"] = _region,
            }))!;
        _serve.StandardInput.Close();
        _ = _serve.StandardOutput.ReadToEndAsync();

        // serve says where it listens on stderr once Kestrel has started.
        using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var first = await _serve.StandardError.ReadLineAsync(ready.Token);
        if (first is null || !first.StartsWith("credir serve: ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"credir serve did not start: {first} {(_serve.HasExited ? await _serve.StandardError.ReadToEndAsync() : string.Empty)}");
        }

        // In development mode serve warns right after its ready line.
        StartLines = DevelopmentMode ? [first, await _serve.StandardError.ReadLineAsync(ready.Token) ?? string.Empty] : [first];
        _ = _serve.StandardError.ReadToEndAsync();
    }

    internal Task<CliResult> RunAsync(params string[] args) => RunAsAsync("alice", args);

    /// <summary>The leaked key's status (Active, Inactive) as the account's administrator reads it from the sandbox's IAM.</summary>
    internal async Task<string> LeakedKeyStatusAsync()
    {
        var admin = Sandbox.Accounts[0].AdminCredentials;
        using var http = new HttpClient();
        using var aws = new CredIr.Aws.AwsRuntime(http, new CredIr.Aws.AwsClientOptions { EndpointUrl = Sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var iam = aws.CreateScope(CredIr.Aws.AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey), "us-east-1").Iam;
        // The ground truth names the user by ARN (arn:aws:iam::ACCOUNT:user/NAME).
        var user = Sandbox.Scenario.GroundTruth!["leakedUser"]!.GetValue<string>().Split('/')[^1];
        await foreach (var key in iam.ListAccessKeysAsync(new CredIr.Aws.ListAccessKeysRequest(user)))
        {
            if (key.AccessKeyId == LeakedKey)
            {
                return key.Status.ToString();
            }
        }

        throw new InvalidOperationException($"{LeakedKey} is not among {user}'s keys.");
    }

    /// <summary>The CLI against this server, acting as <paramref name="user"/> (CREDIR_USER).</summary>
    internal Task<CliResult> RunAsAsync(string user, params string[] args) =>
        Credir.RunAsync([.. args, "--server", Url], TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["CREDIR_USER"] = user, ["NO_COLOR"] = "1" });

    public async Task DisposeAsync()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync();
        }

        _serve?.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
