using CredIr.Contracts.V1;
using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Planning;

/// <summary>Current state as a table (the AWS-backed reader comes with the AWS clients); unknown resources exist with no parts.</summary>
internal sealed class InMemoryStateReader(Dictionary<string, ResourceState>? states = null) : IResourceStateReader, IResourceStateReaderFactory
{
    private readonly Dictionary<string, ResourceState> _states = states ?? [];

    public List<string> Asked { get; } = [];

    public IResourceStateReader Open(string incidentId, Scope? scope) => this;

    public Task<ResourceState> ReadAsync(TouchedResource resource, CancellationToken cancellationToken)
    {
        Asked.Add($"{resource.Type} {resource.Id}");
        return Task.FromResult(_states.GetValueOrDefault($"{resource.Type} {resource.Id}") ?? new ResourceState());
    }
}
