using Microsoft.Extensions.Logging;

namespace CredIr.Sandbox.Hosting;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Refused {Service}:{Operation} with {Code} for key {AccessKeyId}")]
    public static partial void Refused(ILogger logger, string service, string operation, string code, string accessKeyId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sandbox serving {Endpoint} with {Accounts} accounts")]
    public static partial void Serving(ILogger logger, Uri endpoint, int accounts);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Scenario {Scenario}: ran {Steps} steps ({Failed} answered with an AWS error)")]
    public static partial void ScenarioRan(ILogger logger, string scenario, int steps, int failed);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Bad input to {Service}:{Operation} ({Exception})")]
    public static partial void BadInput(ILogger logger, string service, string operation, string exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Imported {Count} CloudTrail records into account {AccountId}")]
    public static partial void Imported(ILogger logger, int count, string accountId);
}
