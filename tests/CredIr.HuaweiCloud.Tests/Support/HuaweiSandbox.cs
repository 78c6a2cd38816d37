using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Iam;
using CredIr.Sandbox;
using CredIr.Sandbox.Huawei;

namespace CredIr.HuaweiCloud.Tests.Support;

/// <summary>A sandbox serving the huawei-ak-leak account, with clients signed as a user of the scenario.</summary>
internal sealed class HuaweiSandbox : IAsyncDisposable
{
    public const string LeakedKey = "HPUACIDEPLOYLEAKED01";
    public const string PersistenceKey = "HPUABACKUPPERSIST001";
    public const string HomeRegion = "cn-north-4";

    // One connection pool for every test: the clients are long-lived and thread-safe, as in production.
    private static readonly HttpClient Http = new();

    private HuaweiSandbox(SandboxHost host) => Host = host;

    public SandboxHost Host { get; }

    public HuaweiAccount Cloud => Host.Huawei!;

    public static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "huawei-ak-leak.json");

    public static async Task<HuaweiSandbox> StartAsync() =>
        new(await SandboxHost.StartAsync(new SandboxOptions { Port = 0, HuaweiScenarioPath = ScenarioPath }, CancellationToken.None));

    public HuaweiCloudOptions Options(string user) => Options(Cloud.Credentials(user));

    public HuaweiCloudOptions Options(SandboxCredentials credentials) => new()
    {
        IamEndpoint = Cloud.IamEndpoint,
        CtsEndpoint = Cloud.CtsEndpoint,
        Credentials = new HuaweiCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
    };

    public HuaweiIamClient Iam(string user = "acme-admin") => new(Http, Options(user));

    public HuaweiIamClient Iam(HuaweiCredentials credentials) => new(Http, Options(user: "acme-admin") with { Credentials = credentials });

    public HuaweiCtsClient Cts(string user = "acme-admin") => new(Http, Options(user));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
