using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios.Generation;

namespace CredIr.Bench.FanOut;

/// <summary>
/// The benchmark's organization: a management account and N members over 17 regions, every account-region
/// with several pages of history (101..150 events: 3 pages of 50), us-east-1 of every tenth member
/// busier (10 pages), and one account-region far busier than the rest (60 pages), as IAM-heavy us-east-1 of
/// a production account is. That one sets the lower bound.
/// </summary>
internal sealed class FanOutOrganization(SandboxHost sandbox, IReadOnlyDictionary<(string, string), int> events, DateTimeOffset since, DateTimeOffset until) : IAsyncDisposable
{
    public const int PageSize = 50;

    public SandboxHost Sandbox { get; } = sandbox;

    public DateTimeOffset Since { get; } = since;

    public DateTimeOffset Until { get; } = until;

    public long Events => events.Values.Sum(static e => (long)e);

    public int AccountRegions => events.Count;

    public long TotalPages => events.Values.Sum(static e => (long)Pages(e));

    public int MostPages => events.Values.Max(Pages);

    public static async Task<FanOutOrganization> StartAsync(int members, CancellationToken ct)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = SyntheticOrganization.Create(members) }, ct);
        var until = sandbox.Clock.GetUtcNow().AddMinutes(-1);
        var window = TimeSpan.FromHours(24);
        var counts = new Dictionary<(string, string), int>();
        SyntheticHistory.Fill(sandbox, (account, region) =>
        {
            var index = int.Parse(account.AsSpan(account.Length - 4), System.Globalization.CultureInfo.InvariantCulture);
            var count = (index, region) switch
            {
                (1, "us-east-1") => 60 * PageSize,
                (_, "us-east-1") when index % 10 == 0 => 10 * PageSize,
                _ => 101 + (((index * 31) + (region.Length * 7) + region[^1]) % 50),
            };
            counts[(account, region)] = count;
            return count;
        }, until, window);
        // The window ends before the benchmark's own calls (AssumeRole, LookupEvents...) are recorded, so only the history is read.
        return new FanOutOrganization(sandbox, counts, until - window - TimeSpan.FromMinutes(1), until);
    }

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();

    public static int Pages(int events) => Math.Max(1, (events + PageSize - 1) / PageSize);
}
