using System.Globalization;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>The emulated Huawei Cloud account: one domain, its projects, IAM entities and CTS traces per project.</summary>
internal sealed class HuaweiState
{
    private const string AkAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string SkAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random;
    private string? _reservedKeyId;

    public HuaweiState(SandboxClock clock, int seed, string? domainId, string domainName, IReadOnlyList<string> regions)
    {
        Clock = clock;
        _random = new Random(seed);
        DomainId = domainId ?? HexId();
        DomainName = domainName;
        Regions = regions;
        foreach (var region in regions)
        {
            var id = HexId();
            Projects[region] = id;
            Traces[id] = [];
        }
    }

    public Lock Gate { get; } = new();

    public SandboxClock Clock { get; }

    public string DomainId { get; }

    public string DomainName { get; }

    public IReadOnlyList<string> Regions { get; }

    /// <summary>IAM is global: its traces go to the first region's project (CTS does the same with a home region).</summary>
    public string HomeRegion => Regions[0];

    public Dictionary<string, string> Projects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HwUser> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HwAccessKey> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HwTemporaryKey> TemporaryKeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HwAgency> Agencies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HwRole> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Traces per project id, oldest first.</summary>
    public Dictionary<string, List<JsonObject>> Traces { get; } = new(StringComparer.Ordinal);

    public HwUser? UserByName(string name) => Users.Values.FirstOrDefault(u => u.Name == name);

    public string HexId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public string TraceId()
    {
        var hex = HexId();
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }

    /// <summary>A new AK: the id a scenario step reserved, else 20 random upper-case letters and digits.</summary>
    public string AccessKeyId()
    {
        if (_reservedKeyId is { } reserved)
        {
            _reservedKeyId = null;
            return reserved;
        }

        return Random(AkAlphabet, 20);
    }

    public string Secret() => Random(SkAlphabet, 40);

    public string SecurityToken() => "gQpjbi1ub3J0aC00" + Random(SkAlphabet, 200);

    public void ReserveNextAccessKeyId(string? id) => _reservedKeyId = id;

    private string Random(string alphabet, int length) => string.Create(length, (alphabet, _random), static (span, s) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = s.alphabet[s._random.Next(s.alphabet.Length)];
        }
    });
}
