using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

/// <summary>A notification waiting to be delivered (or given up on), kept until it is.</summary>
internal sealed record OutboxMessage(
    string Id,
    string IncidentId,
    string Target,
    string Payload,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    NotificationStatus Status,
    string LastError);
