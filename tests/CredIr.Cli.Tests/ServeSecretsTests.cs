using System.Security.Cryptography;

namespace CredIr.Cli.Tests;

/// <summary>
/// <c>credir serve</c> given every secret it takes (a PostgreSQL password in the store URL, the approval seal and signing
/// keys, the service identity key, the gateway's caller key) from the environment, as the README says to, and something
/// else wrong: whatever it prints on stdout, stderr or its logs (at the most verbose level) names the setting to fix and
/// never one of the secrets. So does <c>serve --help</c>.
/// </summary>
public sealed class ServeSecretsTests
{
    private const string Password = "pw-Secret-4417-credir";
    private const string CallerKey = "caller-key-Secret-9921-credir";
    private static readonly string SealKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string ServiceKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string SigningKey = NewSigningKey();

    public static TheoryData<string, string, string> BadSettings => new()
    {
        // setting, value, what the error must name
        { "--Grpc:MaxReceiveMessageSize", "0", "Grpc:MaxReceiveMessageSize" },
        { "--Approvals:TokenLifetime", "02:00:00", "Approvals:TokenLifetime" },
        { "--Incidents:Store", $"postgres://credir:{Password}@", "Incidents" },
        { "--Approvals:PublicKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(91)), "Approvals:PublicKey" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Serve_WithSecretsAndABadSetting_ExitsAsAConfigurationErrorNamingTheSettingAndShowsNoSecret(string setting, string value, string named)
    {
        var result = await Credir.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--", $"{setting}={value}", "--Logging:LogLevel:Default=Trace", "--Incidents:Silo:SiloPort=0"], TimeSpan.FromMinutes(2), Secrets());

        // 78: sysexits' EX_CONFIG, one line naming the setting, not an "unexpected" defect.
        Assert.Equal(78, result.ExitCode);
        Assert.Contains($"credir: configuration refused: {named}", result.Stderr, StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task Serve_WithAPasswordForAnUnreachableDatabase_FailsSayingWhereAndShowsNoSecret()
    {
        var result = await Credir.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--", "--Logging:LogLevel:Default=Trace", "--Incidents:Silo:SiloPort=0"], TimeSpan.FromMinutes(2), Secrets());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("127.0.0.1:1", result.Stderr, StringComparison.Ordinal);
        // Trace level: the host and Orleans logged their start-up (options included) before the store refused.
        Assert.Contains("Orleans", result.Stdout, StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task ServeHelp_WithSecretsInTheEnvironment_ShowsNone()
    {
        var result = await Credir.RunAsync(["serve", "--help"], TimeSpan.FromMinutes(1), Secrets());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--store", result.Stdout, StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    private static Dictionary<string, string> Secrets() => new()
    {
        ["Incidents__Store"] = $"postgres://credir:{Password}@127.0.0.1:1/credir",
        ["Approvals__Key"] = SealKey,
        ["Approvals__SigningKey"] = SigningKey,
        ["ServiceIdentity__Key"] = ServiceKey,
        ["Grpc__CallerKey"] = CallerKey,
        ["NO_COLOR"] = "1",
    };

    private static void AssertNoSecret(CliResult result)
    {
        var output = result.Stdout + result.Stderr;
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(CallerKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(SealKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceKey, output, StringComparison.Ordinal);
        // The private scalar's part of the PKCS#8 text (its first 48 characters are the same for every P-256 key).
        Assert.DoesNotContain(SigningKey[48..90], output, StringComparison.Ordinal);
    }

    private static string NewSigningKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }
}
