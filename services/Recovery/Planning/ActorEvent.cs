using CredIr.Playbook.Trail;

namespace CredIr.Recovery.Planning;

/// <summary>One of the actor's calls that changed a resource.</summary>
internal sealed record ActorEvent(string EventId, DateTimeOffset Time, string EventName, CloudTrailRecord Record);
