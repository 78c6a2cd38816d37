namespace CredIr.Eradication.Planning;

/// <summary>A plan before it goes on the wire: its steps in dependency order, and the state read of each resource (by <c>TouchedResource.Key</c>).</summary>
public sealed record EradicationDraft(IReadOnlyList<PlannedStep> Steps, IReadOnlyDictionary<string, ResourceState> States);
