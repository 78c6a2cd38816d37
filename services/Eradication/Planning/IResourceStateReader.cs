using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Planning;

/// <summary>Looks up a resource's current state (implemented over the AWS clients; plans are pure over it).</summary>
public interface IResourceStateReader
{
    Task<ResourceState> ReadAsync(TouchedResource resource, CancellationToken cancellationToken);
}
