using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LookupEvents;

internal static partial class LookupEventsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "LookupEvents scan over {Accounts} accounts: {Chains} page chains, {Resumed} already done")]
    public static partial void Started(ILogger logger, int accounts, int chains, int resumed);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "LookupEvents failed in account {AccountId} region {Region}: {Code}")]
    public static partial void UnitFailed(ILogger logger, string accountId, string region, string code);

    // Per page: how a slow account-region's chains use its budget, for tuning the fan-out.
    [LoggerMessage(EventId = 4103, Level = LogLevel.Trace, Message = "LookupEvents page in account {AccountId} region {Region}: {Events} events in {Milliseconds} ms, {Chains} chains, segment {Start:O}..{End:O}, more: {More}")]
    public static partial void PageRead(ILogger logger, string accountId, string region, int events, long milliseconds, int chains, DateTimeOffset start, DateTimeOffset end, bool more);
}
