using Microsoft.Extensions.Logging;

namespace CredIr.HuaweiCloud.Internal;

internal static partial class HuaweiLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Huawei Cloud {Operation} refused: HTTP {Status} {ErrorCode} (request {RequestId}, access key {AccessKeyId})")]
    public static partial void Refused(ILogger logger, string operation, int status, string errorCode, string? requestId, string accessKeyId);
}
