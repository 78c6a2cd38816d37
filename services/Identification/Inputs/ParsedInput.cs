using CredIr.Contracts.V1;

namespace CredIr.Identification.Inputs;

/// <summary>An identification input after detection and parsing, before anything is asked of AWS.</summary>
public sealed record ParsedInput
{
    public required InputKind Kind { get; init; }

    /// <summary>A short name of what was recognised, e.g. "GuardDuty finding in an EventBridge envelope".</summary>
    public required string Description { get; init; }

    /// <summary>The cloud the input belongs to by its shape: Huawei Cloud for a SecMaster alert or a CTS key event, otherwise unspecified (AWS).</summary>
    public CloudProvider Provider { get; init; }

    public IReadOnlyList<CredentialHint> Credentials { get; init; } = [];

    public string? FindingId { get; init; }

    public string? FindingType { get; init; }

    public string? Title { get; init; }

    /// <summary>On GuardDuty's 0-10 scale (ASFF Normalized / 10 when no product severity is given).</summary>
    public double Severity { get; init; }

    public string? AccountId { get; init; }

    public string? Region { get; init; }

    /// <summary>When the source first saw the activity (GuardDuty eventFirstSeen, ASFF FirstObservedAt, Health startTime, the quarantine event time).</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The field <see cref="FirstSeen"/> came from, for the explanation shown to the responder.</summary>
    public string? FirstSeenField { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public IReadOnlyList<string> SourceIps { get; init; } = [];

    public IReadOnlyList<string> UserAgents { get; init; } = [];

    /// <summary>API calls the finding names (service:Api).</summary>
    public IReadOnlyList<string> ApiCalls { get; init; } = [];

    /// <summary>The input JSON with secrets removed, for the evidence log; null for plain ids.</summary>
    public string? RawJson { get; init; }
}
