using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Small builders for the documents tests store and the requests they send.</summary>
internal static class TestIncidents
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Incident Document(string id, Phase phase = Phase.Opened, long version = 1) => new()
    {
        IncidentId = id,
        Version = version,
        Phase = phase,
        Title = "Leaked key " + id,
        UpdatedAt = Timestamp.FromDateTimeOffset(Start),
        Input = new IdentificationInput { AccessKeyId = "AKIAEXAMPLE0000001" },
    };

    public static OpenIncidentRequest Open(string requestId, Severity severity = Severity.High, bool autoApprove = false) => new()
    {
        RequestId = requestId,
        Input = new IdentificationInput { AccessKeyId = "AKIAEXAMPLE0000001" },
        Severity = severity,
        AutoApprove = autoApprove,
        Title = "Key found on a public repository",
    };

    public static TrailEvent Event(string id, int minute, string name = "CreateUser") => new()
    {
        EventId = id,
        EventName = name,
        EventTime = Timestamp.FromDateTimeOffset(Start.AddMinutes(minute)),
        AccessKeyId = "AKIAEXAMPLE0000001",
        Categories = { EventCategory.IdentityPersistence },
        RawJson = $$"""{"eventID":"{{id}}","eventName":"{{name}}"}""",
    };
}
