using Microsoft.Extensions.Logging;

namespace CredIr.Sandbox.Huawei;

internal static partial class HuaweiLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Huawei {Method} {Path} refused: HTTP {Status} {ErrorCode} (access key {AccessKeyId})")]
    public static partial void Refused(ILogger logger, string method, string path, int status, string errorCode, string accessKeyId);
}
