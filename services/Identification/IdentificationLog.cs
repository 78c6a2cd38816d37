using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CredIr.Identification;

internal static partial class IdentificationLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Identified {CredentialCount} credentials from {InputKind} {FindingId}; compromise time {Start} ({Basis})")]
    public static partial void Identified(ILogger logger, int credentialCount, InputKind inputKind, string findingId, Timestamp? start, CompromiseTimeBasis basis);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Identification refused: {Status} {Detail}")]
    public static partial void Refused(ILogger logger, string status, string detail);
}
