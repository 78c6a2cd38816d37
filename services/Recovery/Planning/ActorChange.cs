using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>
/// A part of an existing resource the actor changed, with the calls that changed it (oldest first).
/// <see cref="Owner"/> is the user or role an inline policy or attachment belongs to; <see cref="Detail"/> the
/// policy name or policy ARN.
/// </summary>
internal sealed record ActorChange(Aspect Aspect, string ItemId, ResourceRef Resource, ResourceChange Change, IReadOnlyList<ActorEvent> Events)
{
    public string? Owner { get; init; }

    public string? OwnerKind { get; init; }

    public string? Detail { get; init; }

    public IEnumerable<string> EventNames => Events.Select(e => e.EventName).Distinct(StringComparer.Ordinal);
}
